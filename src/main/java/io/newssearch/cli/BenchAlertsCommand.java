package io.newssearch.cli;

import io.newssearch.bench.AlertBenchmark;
import io.newssearch.bench.Measure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newssearch bench alerts}: matching time per article and write throughput with many alerts. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
    description = "Saved searches: p50/p99 time to match one article against every alert, and articles/s through "
        + "the write path without and with the alerts (interleaved rounds).")
final class BenchAlertsCommand implements Callable<Integer> {

  @Option(names = "--corpus", required = true, split = ",", paramLabel = "PATH",
      description = "Corpus: the index holds all but the last --articles, which are the new articles.")
  List<Path> corpus;

  @Option(names = "--alerts", defaultValue = "10000", description = "Alerts (default: ${DEFAULT-VALUE}).") int alerts;
  @Option(names = "--articles", defaultValue = "1000", description = "New articles per pass (default: ${DEFAULT-VALUE}).") int articles;
  @Option(names = "--batch", defaultValue = "50", description = "Articles per write, each a commit (default: ${DEFAULT-VALUE}).") int batch;
  @Option(names = "--rounds", defaultValue = "4", description = "Timed rounds of each (default: ${DEFAULT-VALUE}).") int rounds;
  @Option(names = "--seed", defaultValue = "42", description = "Seed of the alert draw (default: ${DEFAULT-VALUE}).") long seed;
  @Option(names = "--work", defaultValue = "target/bench-alerts", paramLabel = "DIR") Path work;

  @Override
  public Integer call() throws Exception {
    if (!BenchSupport.atLeastOne("--alerts", alerts) || !BenchSupport.atLeastOne("--articles", articles)
        || !BenchSupport.atLeastOne("--batch", batch) || !BenchSupport.atLeastOne("--rounds", rounds)
        || !BenchSupport.corpusExists(corpus)) {
      return 2;
    }
    var r = AlertBenchmark.run(corpus, work, alerts, articles, batch, rounds, seed);
    List<Double> ms = new ArrayList<>(r.matchMs());
    Collections.sort(ms);
    System.out.printf(Locale.ROOT, "%d alerts over an index of %d articles; %d new articles; load average %s%n",
        r.alerts(), r.baseArticles(), r.articles(), Measure.loadAverage());
    System.out.printf(Locale.ROOT, "match one article: p50 %.2f ms, p99 %.2f ms, max %.2f ms; %.1f alerts matched per article%n",
        percentile(ms, 0.5), percentile(ms, 0.99), ms.get(ms.size() - 1), r.matchesPerArticle());
    System.out.println("| write path, batches of " + batch + " | rounds | median articles/s | all rounds |");
    System.out.println("|---|---|---|---|");
    row("no alerts", r.without());
    row(r.alerts() + " alerts", r.with());
    System.out.printf(Locale.ROOT, "throughput with alerts / without: %.2f (median of rounds)%n",
        Measure.median(r.with()) / Measure.median(r.without()));
    return 0;
  }

  private static void row(String name, List<Double> perSecond) {
    System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %s |%n", name, perSecond.size(), Measure.median(perSecond),
        perSecond.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
  }

  private static double percentile(List<Double> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }
}

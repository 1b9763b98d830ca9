package io.newssearch.cli;

import io.newssearch.bench.AlertBenchmark;
import io.newssearch.bench.AlertMix;
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

  @Option(names = "--alerts", split = ",", defaultValue = "1000,10000",
      description = "Numbers of alerts, each measured (default: ${DEFAULT-VALUE}).") List<Integer> alerts;
  @Option(names = "--mix", defaultValue = "selective", paramLabel = "selective|broad",
      description = "Alerts drawn: selective (monitoring: rare words together, phrases, filters; an article matches "
          + "a handful) or broad (the search mix: single words, OR pairs; an article matches hundreds). "
          + "Default: ${DEFAULT-VALUE}.") String mix;
  @Option(names = "--articles", defaultValue = "1000", description = "New articles per pass (default: ${DEFAULT-VALUE}).") int articles;
  @Option(names = "--batch", defaultValue = "50", description = "Articles per write, each a commit (default: ${DEFAULT-VALUE}).") int batch;
  @Option(names = "--rounds", defaultValue = "4", description = "Timed rounds of each (default: ${DEFAULT-VALUE}).") int rounds;
  @Option(names = "--seed", defaultValue = "42", description = "Seed of the alert draw (default: ${DEFAULT-VALUE}).") long seed;
  @Option(names = "--work", defaultValue = "target/bench-alerts", paramLabel = "DIR",
      description = "Folder for the indexes and alert stores it builds (default: ${DEFAULT-VALUE}).") Path work;

  @Override
  public Integer call() throws Exception {
    for (int n : alerts) {
      if (!BenchSupport.atLeastOne("--alerts", n)) {
        return 2;
      }
    }
    if (!BenchSupport.atLeastOne("--articles", articles) || !BenchSupport.atLeastOne("--batch", batch)
        || !BenchSupport.atLeastOne("--rounds", rounds) || !BenchSupport.corpusExists(corpus)) {
      return 2;
    }
    AlertMix drawn;
    try {
      drawn = AlertMix.valueOf(mix.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      System.err.println("error: --mix: '" + mix + "' is not a mix: expected selective or broad");
      return 2;
    }
    System.out.printf(Locale.ROOT, "load average before: %s%n", Measure.loadAverage());
    var r = AlertBenchmark.run(corpus, work, drawn, alerts, articles, batch, rounds, seed);
    System.out.printf(Locale.ROOT, "index of %d articles; %d new articles per pass; %s alerts; load average after: %s%n",
        r.baseArticles(), r.articles(), mix.toLowerCase(Locale.ROOT), Measure.loadAverage());
    System.out.println("| alerts | match one article p50 | p99 | max | alerts matched per article | write path articles/s "
        + "(batches of " + batch + ", median) | all rounds | / no alerts | / no alerts, same round (median) |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    double none = Measure.median(r.modes().get(0).perSecond());
    for (AlertBenchmark.Mode m : r.modes()) {
      List<Double> ms = new ArrayList<>(m.matchMs());
      Collections.sort(ms);
      String match = ms.isEmpty() ? "| – | – | – | – " : String.format(Locale.ROOT, "| %.2f ms | %.2f ms | %.2f ms | %.1f ",
          percentile(ms, 0.5), percentile(ms, 0.99), ms.get(ms.size() - 1), m.matchesPerArticle());
      System.out.printf(Locale.ROOT, "| %,d %s| %.0f | %s | %.2f | %.2f |%n", m.alerts(), match,
          Measure.median(m.perSecond()), m.perSecond().stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList(),
          Measure.median(m.perSecond()) / none, sameRound(m.perSecond(), r.modes().get(0).perSecond()));
    }
    return 0;
  }

  /**
   * The median of each round's ratio to the no-alert pass of the same round: the load of other
   * work on a shared machine swings between rounds (×4 seen) more than within one.
   */
  private static double sameRound(List<Double> perSecond, List<Double> none) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < perSecond.size(); i++) {
      ratios.add(perSecond.get(i) / none.get(i));
    }
    return Measure.median(ratios);
  }

  private static double percentile(List<Double> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }
}

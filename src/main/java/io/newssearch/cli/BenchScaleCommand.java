package io.newssearch.cli;

import io.newssearch.bench.CorpusGenerator;
import io.newssearch.bench.Measure;
import io.newssearch.bench.ScaleBenchmark;
import io.newssearch.bench.ScaleReport;
import io.newssearch.bench.ScaleResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newssearch bench scale}: newssearch at one or more corpus sizes as a user runs it, against bare Lucene. */
@Command(name = "scale", mixinStandardHelpOptions = true,
    description = {"newssearch at scale, against bare Lucene on the same articles, in one run per size: "
        + "index --rebuild in its own JVM (rate, size, peak RSS, heap over time; failures and hangs reported), "
        + "a bare-Lucene (and SQLite FTS5) build, then the same queries over HTTP (serve in its own JVM), in-process, "
        + "on bare Lucene and SQLite, "
        + "interleaved, and wrk at many connections. Writes scale-<label>-<articles>.json per run and scale.md "
        + "(the growth table of every run in --out)."})
final class BenchScaleCommand implements Callable<Integer> {

  static final class Input {
    @Option(names = "--corpus", split = ",", paramLabel = "PATH", description = "Corpus folders or files to measure as they are.")
    List<Path> corpus;

    @Option(names = "--articles", split = ",", paramLabel = "N",
        description = "Sizes to generate (bench generate) and measure one after the other, e.g. 100000,1000000.")
    List<Long> articles;
  }

  @ArgGroup(multiplicity = "1") Input input;

  @Option(names = "--from", split = ",", paramLabel = "PATH", defaultValue = BenchGenerateCommand.DEFAULT_FROM,
      description = "Real collections to generate from (default: those of bench generate).")
  List<Path> from;

  @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default: ${DEFAULT-VALUE}).") long seed;
  @Option(names = "--query-seed", defaultValue = "42", description = "Query draw seed (default: ${DEFAULT-VALUE}).") long querySeed;
  @Option(names = "--work", defaultValue = "target/bench-scale", paramLabel = "DIR",
      description = "Generated corpora, indexes and the children's logs (default: ${DEFAULT-VALUE}).") Path work;
  @Option(names = "--out", paramLabel = "DIR", description = "Results: JSON per run and scale.md (default: --work).") Path out;
  @Option(names = "--label", description = "Name of what is measured, e.g. before/after (default: the git commit).") String label;
  @Option(names = "--heap", defaultValue = "1g", description = "-Xmx of the index run (default: ${DEFAULT-VALUE}).") String heap;
  @Option(names = "--serve-heap", description = "-Xmx of the server (default: --heap).") String serveHeap;
  @Option(names = "--jvm-opts", split = " ", paramLabel = "FLAGS", description = "More JVM flags for both children.")
  List<String> jvmOptions = List.of();
  @Option(names = "--timeout", defaultValue = "3h", converter = DurationConverter.class,
      description = "Longest index run, and longest server start (default: ${DEFAULT-VALUE}).") Duration timeout;
  @Option(names = "--stall", defaultValue = "3m", converter = DurationConverter.class,
      description = "An index run using no CPU this long has hung and is killed (default: ${DEFAULT-VALUE}).") Duration stall;
  @Option(names = "--sample", defaultValue = "2s", converter = DurationConverter.class,
      description = "Memory sampling interval (default: ${DEFAULT-VALUE}).") Duration sample;
  @Option(names = "--pause", defaultValue = "20s", converter = DurationConverter.class,
      description = "Rest before each long phase, so the machine is not hot from the last (default: ${DEFAULT-VALUE}).") Duration pause;
  @Option(names = "--per-type", defaultValue = "20", description = "Queries per type (default: ${DEFAULT-VALUE}).") int perType;
  @Option(names = "--warmup", defaultValue = "5", description = "Warm-up passes per system (default: ${DEFAULT-VALUE}).") int warmup;
  @Option(names = "--passes", defaultValue = "5", description = "Measured passes per system (default: ${DEFAULT-VALUE}).") int passes;
  @Option(names = "--query-budget", defaultValue = "15m", converter = DurationConverter.class,
      description = "Time for all query passes; fewer passes run when they are slow (default: ${DEFAULT-VALUE}).") Duration queryBudget;
  @Option(names = "--connections", defaultValue = "32", description = "wrk connections for term queries; 0: no wrk (default: ${DEFAULT-VALUE}).") int connections;
  @Option(names = "--wrk-seconds", defaultValue = "10", description = "wrk duration (default: ${DEFAULT-VALUE}).") int wrkSeconds;
  @Option(names = "--sqlite", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "SQLite FTS5 over the same articles as a third system (default: ${DEFAULT-VALUE}).") boolean sqlite;
  @Option(names = "--keep", description = "Keep the indexes after each size (they are deleted to save disk).") boolean keep;

  @Override
  public Integer call() throws Exception {
    if (!BenchSupport.atLeastOne("--per-type", perType) || !BenchSupport.atLeastOne("--passes", passes)) {
      return 2;
    }
    List<List<Path>> corpora = new ArrayList<>();
    if (input.corpus != null) {
      if (!BenchSupport.corpusExists(input.corpus)) return 2;
      corpora.add(input.corpus);
    } else {
      if (input.articles.stream().anyMatch(n -> !BenchSupport.atLeastOne("--articles", n)) || !BenchSupport.corpusExists(from)) {
        return 2;
      }
      for (long n : input.articles) corpora.add(List.of(generated(n)));
    }
    Path results = out != null ? out : work;
    String name = label != null ? label : java.util.Objects.requireNonNullElse(Measure.gitCommit(), "run");
    for (List<Path> corpus : corpora) {
      var o = new ScaleBenchmark.Options(corpus, work.resolve("run"), name, heap, serveHeap != null ? serveHeap : heap,
          jvmOptions, timeout, stall, sample, pause, querySeed, perType, warmup, passes, queryBudget, connections, wrkSeconds, sqlite);
      ScaleResult r = ScaleBenchmark.run(o, System.out);
      Path json = ScaleReport.write(r, results);
      if (!keep) {
        Measure.deleteTree(work.resolve("run").resolve("newssearch-index"));
        Measure.deleteTree(work.resolve("run").resolve("bare-lucene-index"));
        Files.deleteIfExists(work.resolve("run").resolve("sqlite-fts5.db"));
      }
      System.out.println("[scale] wrote " + json);
    }
    String md = ScaleReport.markdown(ScaleReport.readAll(results));
    Files.writeString(results.resolve("scale.md"), md);
    System.out.println();
    System.out.println(md);
    System.out.println("(also in " + results.resolve("scale.md") + ")");
    return 0;
  }

  /**
   * The generated corpus of that size, made once: a marker written last, beside the folder (inside
   * it the indexer would list it as a skipped file), says it is complete.
   */
  private Path generated(long articles) throws Exception {
    Path dir = work.resolve("gen-" + articles + "-seed" + seed);
    Path done = work.resolve("gen-" + articles + "-seed" + seed + ".complete");
    if (!Files.exists(done)) {
      Measure.deleteTree(dir);
      System.out.printf("[scale] generating %,d articles into %s%n", articles, dir);
      var s = BenchGenerateCommand.generate(from, new CorpusGenerator.Options(articles, seed,
          CorpusGenerator.Options.DEFAULT_REPUBLISH_SHARE, CorpusGenerator.Options.DEFAULT_ENGLISH_SHARE), dir);
      Files.writeString(done, s.copies() + " republished copies; per language " + s.perLanguage() + "\n");
    }
    return dir;
  }
}

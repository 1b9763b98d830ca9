package io.newssearch.eval;

import io.newssearch.semantic.Embedder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code newssearch eval-modes}: lexical against semantic against hybrid on TIME 1963 or
 * MasakhaNEWS, printed as Markdown tables. TIME tunes fusion on nDCG@10, known-item on MRR@10.
 * Embeddings are cached under {@code out/vectors}; TREC run files of TIME's modes go to {@code out/runs}.
 */
public final class ModeEvaluation {

  /** Languages whose every table is printed; the others get one line each. */
  static final Set<String> DETAILED = Set.of("eng", "fra");

  private ModeEvaluation() {}

  public static void time(Path collection, Path out, Embedder embedder, PrintStream print) throws IOException {
    TimeModes.Result r = TimeModes.run(collection, out, embedder, new VectorCache(out.resolve("vectors")));
    ModeReport report = new ModeReport(print);
    report.modes("TIME 1963", r.runs(), r.collapsedLexical(), TrecMeasures.Values::ndcg10);
    report.grid("TIME 1963", r.runs(), "nDCG@10", TrecMeasures.Values::ndcg10);
    Path runs = out.resolve("runs");
    TrecRun.write(runs.resolve("time-mode-lexical.run"), r.runs().trecRuns(ModeRuns.Query::lexical), "lexical");
    TrecRun.write(runs.resolve("time-mode-semantic.run"), r.runs().trecRuns(ModeRuns.Query::semantic), "semantic");
    TrecRun.write(runs.resolve("time-mode-hybrid.run"), r.runs().trecRuns(q -> ModeRuns.fused(q,
        io.newssearch.semantic.ReciprocalRankFusion.DEFAULT)), "hybrid");
    print.println("TREC run files: " + runs.resolve("time-mode-*.run"));
  }

  /** TIME through the engine's own modes ({@link TimeUserPath}): what a user of {@code --vectors} gets. */
  public static void timeUserPath(Path collection, Path out, PrintStream print) throws IOException {
    TimeUserPath.run(collection, out, print);
  }

  /**
   * MasakhaNEWS known-item through the engine's own modes ({@link MasakhaneUserPath}), one table
   * per language folder.
   */
  public static void masakhaneUserPath(Path data, List<String> languages, int maxQueries, Path out, PrintStream print)
      throws IOException {
    for (Path folder : folders(data, languages)) {
      MasakhaneUserPath.run(folder, out, maxQueries, print);
    }
  }

  /** Related articles by words, meaning and both on TIME ({@link RelatedEvaluation}). */
  public static void timeRelated(Path collection, Path out, PrintStream print) throws IOException {
    RelatedEvaluation.time(collection, out, print);
  }

  /** Related articles by words, meaning and both on MasakhaNEWS folders ({@link RelatedEvaluation}). */
  public static void masakhaneRelated(Path data, List<String> languages, Path out, PrintStream print)
      throws IOException {
    for (Path folder : folders(data, languages)) {
      RelatedEvaluation.masakhane(folder, out, print);
    }
  }

  private static List<Path> folders(Path data, List<String> languages) throws IOException {
    List<Path> folders;
    try (Stream<Path> s = Files.list(data)) {
      folders = s.filter(Files::isDirectory).sorted()
          .filter(f -> languages.isEmpty() || languages.contains(f.getFileName().toString())).toList();
    }
    if (folders.isEmpty()) {
      throw new IOException("no language folder " + (languages.isEmpty() ? "" : languages + " ") + "in " + data);
    }
    return folders;
  }

  /**
   * @param languages folder names to measure (eng, fra, …); empty = every folder
   * @param maxQueries headlines asked per language, evenly spread; 0 = all
   */
  public static void masakhane(Path data, List<String> languages, int maxQueries, Path out, Embedder embedder,
      PrintStream print) throws IOException {
    List<Path> folders = folders(data, languages);
    VectorCache cache = new VectorCache(out.resolve("vectors"));
    ModeReport report = new ModeReport(print);
    List<KnownItemModes.Language> results = new ArrayList<>();
    for (Path folder : folders) {
      KnownItemModes.Language l = KnownItemModes.run(folder, out, embedder, cache, maxQueries);
      results.add(l);
      if (DETAILED.contains(l.folder())) {
        String title = "MasakhaNEWS " + l.folder() + " (" + l.code() + ")";
        report.modes(title, l.runs(), null, TrecMeasures.Values::rr10);
        report.grid(title, l.runs(), "MRR@10", TrecMeasures.Values::rr10);
      }
      System.err.println("done: " + l.folder()); // the table comes at the end; a long run shows progress
    }
    report.languages(results);
  }
}

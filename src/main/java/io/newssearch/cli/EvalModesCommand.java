package io.newssearch.cli;

import io.newssearch.eval.ModeEvaluation;
import io.newssearch.semantic.Embedder;
import io.newssearch.semantic.Embedders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newssearch eval-modes}: lexical vs semantic vs hybrid retrieval on a test collection. */
@Command(name = "eval-modes", mixinStandardHelpOptions = true,
    description = "Lexical vs semantic (kNN over all-MiniLM-L6-v2 vectors) vs hybrid (reciprocal-rank fusion) "
        + "on TIME 1963 or MasakhaNEWS known-item, with every eval measure, per half of the queries.")
final class EvalModesCommand implements Callable<Integer> {

  @Option(names = "--collection", required = true, description = "time or masakhane.")
  EvalCommand.Collection collection;

  @Option(names = "--data", paramLabel = "DIR",
      description = "The collection's folder (default: ../shared/data/time-1963 or ../shared/data/masakhanews/data).")
  Path data;

  @Option(names = "--languages", split = ",", paramLabel = "FOLDER",
      description = "MasakhaNEWS language folders to measure, e.g. eng,fra (default: all 16).")
  List<String> languages = List.of();

  @Option(names = "--queries", defaultValue = "0", paramLabel = "N",
      description = "MasakhaNEWS: ask at most N headlines per language, evenly spread (every article stays indexed); "
          + "0 = all (default).")
  int queries;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/eval",
      description = "Indexes, cached embeddings and run files (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--threads", defaultValue = "2", description = "Texts embedded at once (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--user-path",
      description = "Build the index with --vectors and send every query through the search service "
          + "with mode=lexical, semantic and hybrid, as a user would (no grid, no cache).")
  boolean userPath;

  @Option(names = "--related",
      description = "Related articles instead of search: by words, by meaning and both fused, on an index with "
          + "vectors (TIME: relevant to the same query; MasakhaNEWS: same category; --languages, default eng).")
  boolean related;

  @Override
  public Integer call() throws Exception {
    Path dir = EvalCommand.folder("eval-modes", collection, data);
    if (dir == null) {
      return 2;
    }
    Files.createDirectories(out);
    if (related) {
      if (collection == EvalCommand.Collection.TIME) {
        ModeEvaluation.timeRelated(dir, out, System.out);
      } else {
        ModeEvaluation.masakhaneRelated(dir, languages.isEmpty() ? List.of("eng") : languages, out, System.out);
      }
      return 0;
    }
    if (userPath) {
      if (collection == EvalCommand.Collection.TIME) {
        ModeEvaluation.timeUserPath(dir, out, System.out);
      } else {
        ModeEvaluation.masakhaneUserPath(dir, languages, queries, out, System.out);
      }
      return 0;
    }
    try (Embedder embedder = Embedders.miniLm(threads)) {
      if (collection == EvalCommand.Collection.TIME) {
        ModeEvaluation.time(dir, out, embedder, System.out);
      } else {
        ModeEvaluation.masakhane(dir, languages, queries, out, embedder, System.out);
      }
    }
    return 0;
  }
}

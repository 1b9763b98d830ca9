package io.newssearch.cli;

import io.newssearch.eval.Candidates;
import io.newssearch.eval.Halves;
import io.newssearch.eval.KnownItemEvaluation;
import io.newssearch.eval.MixedKnownItemEvaluation;
import io.newssearch.eval.Tables;
import io.newssearch.eval.TimeEvaluation;
import io.newssearch.search.Ranking;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newssearch eval}: relevance on a test collection from {@code ../shared/data}. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Relevance evaluation as users meet it (each query through GET /api/search's parameters and the "
        + "engine's search, default parameters): TIME 1963 (MAP, nDCG@10, P@10, recall@100, MRR@10 per half, "
        + "TREC run files) or MasakhaNEWS known-item search in one index of all languages (MRR@10, success@10 "
        + "per language), each against a bare BM25 baseline, query by query.")
final class EvalCommand implements Callable<Integer> {

  enum Collection { TIME, MASAKHANE }

  @Option(names = "--collection", required = true, description = "time or masakhane.")
  Collection collection;

  @Option(names = "--data", paramLabel = "DIR",
      description = "The collection's folder (default: ../shared/data/time-1963 or ../shared/data/masakhanews/data).")
  Path data;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/eval",
      description = "Where the index and the TREC run files go (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--candidates", arity = "0..1", split = ",", fallbackValue = "all", paramLabel = "KEY",
      description = "Also measure candidate rankings (eval.Candidates) beside the shipped one: all of them, or those "
          + "whose keys are given (an unknown key is refused with the list of keys); one equal to the shipped "
          + "ranking is left out.")
  List<String> candidates = List.of();

  @Option(names = "--half", paramLabel = "A|B",
      description = "MasakhaNEWS: ask only this half of each language's headlines (every article is indexed); "
          + "TIME asks every query and reports each half anyway.")
  Halves half;

  @Option(names = "--sample", paramLabel = "N", defaultValue = "1",
      description = "MasakhaNEWS: ask every N-th headline of each language (of the half, if given), for a quicker "
          + "look; 1 (default): all.")
  int sample;

  @Option(names = "--per-language",
      description = "MasakhaNEWS: also the per-language table (an index per language, its language given).")
  boolean perLanguage;

  /**
   * The collection's folder: {@code data} when given, else its place in ../shared/data; null, after
   * saying why on stderr, when it is not there.
   */
  static Path folder(String command, Collection collection, Path data) {
    Path dir = data != null ? data : switch (collection) {
      case TIME -> Path.of("../shared/data/time-1963");
      case MASAKHANE -> Path.of("../shared/data/masakhanews/data");
    };
    if (!Files.isDirectory(dir)) {
      System.err.println(command + ": collection folder " + dir + " not found. The real collections live in "
          + "../shared/data beside the project (see ../shared/README.md); give another with --data.");
      return null;
    }
    return dir;
  }

  @Override
  public Integer call() throws Exception {
    PrintStream o = System.out;
    List<String> unknown = Candidates.unknown(candidates);
    if (!unknown.isEmpty()) {
      System.err.println("unknown candidate " + String.join(", ", unknown) + "; the keys are: "
          + String.join(", ", Candidates.keys()));
      return 2;
    }
    Path dir = folder("eval", collection, data);
    if (dir == null) {
      return 2;
    }
    Files.createDirectories(out);
    Map<String, Ranking> others = Candidates.select(candidates);
    if (collection == Collection.TIME) {
      TimeEvaluation.Report r = TimeEvaluation.run(dir, out, others);
      o.println(Tables.time(r));
      o.println("Shipped ranking (first row) against bare BM25, query by query (average precision):");
      o.println();
      o.println(Tables.moves(r.compare(r.rows().get(0)), r.queries()));
      if (r.timedOut() > 0) {
        o.println("WARNING: " + r.timedOut() + " searches ran past the time budget and answered in part.");
      }
    } else {
      Map<String, Ranking> rankings = new LinkedHashMap<>();
      rankings.put("newssearch, default parameters, no lang", Ranking.DEFAULT);
      rankings.putAll(others);
      for (var r : MixedKnownItemEvaluation.run(dir, out, rankings, half, Math.max(1, sample))) {
        o.println(Tables.mixed(r));
        o.println("Each query's reciprocal rank: " + r.perQuery());
        o.println();
      }
      if (perLanguage) {
        o.println("Per language, each in an index of its own, its language given:");
        o.println();
        o.println(Tables.perLanguage(KnownItemEvaluation.run(dir)));
      }
    }
    return 0;
  }
}

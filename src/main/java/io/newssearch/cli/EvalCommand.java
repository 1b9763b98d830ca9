package io.newssearch.cli;

import io.newssearch.eval.KnownItemEvaluation;
import io.newssearch.eval.TimeEvaluation;
import io.newssearch.search.Ranking;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newssearch eval}: relevance on a test collection from {@code ../shared/data}. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Relevance evaluation: TIME 1963 (MAP, nDCG@10, P@10, recall@100, MRR@10, TREC run files) "
        + "or MasakhaNEWS known-item search (MRR@10, success@10 per language).")
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

  @Option(names = "--pairwise-proximity", description = "MasakhaNEWS: rank with pairwise proximity instead of the shipped ranking.")
  boolean pairwise;

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
    Path dir = folder("eval", collection, data);
    if (dir == null) {
      return 2;
    }
    if (collection == Collection.TIME) {
      Files.createDirectories(out);
      o.println("| ranking | MAP | nDCG@10 | P@10 | recall@100 | MRR@10 | run file |");
      o.println("|---|---|---|---|---|---|---|");
      for (var r : TimeEvaluation.run(dir, out)) {
        var v = r.values();
        o.printf(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f | %.4f | %s |%n", r.variant(), v.ap(), v.ndcg10(),
            v.p10(), v.recall100(), v.rr10(), r.runFile());
      }
    } else {
      o.println("| language | queries | MRR@10 newssearch | MRR@10 Standard | ratio | success@10 newssearch | success@10 Standard |");
      o.println("|---|---|---|---|---|---|---|");
      for (var r : KnownItemEvaluation.run(dir, Ranking.DEFAULT.withPairwiseProximity(pairwise || Ranking.DEFAULT.pairwiseProximity()))) {
        o.printf(Locale.ROOT, "| %s (%s) | %d | %.4f | %.4f | %.3f | %.4f | %.4f |%n", r.folder(), r.language(),
            r.queries(), r.mrrOurs(), r.mrrBaseline(), r.mrrOurs() / r.mrrBaseline(), r.successOurs(),
            r.successBaseline());
      }
    }
    return 0;
  }
}

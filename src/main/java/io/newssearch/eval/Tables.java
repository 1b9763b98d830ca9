package io.newssearch.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The evaluations' results as the Markdown tables EVALUATION.md shows. */
public final class Tables {

  private Tables() {}

  /** TIME: every row over all judged queries and each half, with its wins and losses against the baseline. */
  public static String time(TimeEvaluation.Report r) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%d judged queries; half A: %s%n%n", r.judged(), String.join(" ", r.halfA())));
    out.append("| ranking | queries | MAP | ×bare | nDCG@10 | P@10 | recall@100 | MRR@10 | wins/losses/ties vs bare (AP) | date phrases | run file |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (TimeEvaluation.Row row : concat(r.baseline(), r.rows())) {
      QueryComparison c = r.compare(row);
      String wlt = row == r.baseline() ? "" : c.wins() + "/" + c.losses() + "/" + c.ties();
      line(out, row.name(), "all", row.all(), r.baseline().all(), wlt, row.dated(), row.runFile().toString());
      line(out, "", "half A", row.a(), r.baseline().a(), "", -1, "");
      line(out, "", "half B", row.b(), r.baseline().b(), "", -1, "");
    }
    return out.toString();
  }

  /** One row's queries that moved against the baseline, largest change first. */
  public static String moves(QueryComparison c, Map<String, String> queries) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "wins %d, losses %d, ties %d%n%n", c.wins(), c.losses(), c.ties()));
    out.append("| query | bare | newssearch | change | text |\n|---|---|---|---|---|\n");
    for (QueryComparison.Move m : c.moves()) {
      out.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %+.4f | %s |%n", m.qid(), m.baseline(), m.candidate(),
          m.delta(), queries.getOrDefault(m.qid(), "")));
    }
    return out.toString();
  }

  /** MasakhaNEWS in the mixed index: one table per ranking, a line per language and the means. */
  public static String mixed(MixedKnownItemEvaluation.Report r) {
    StringBuilder out = new StringBuilder();
    out.append("**").append(r.name()).append("**\n\n");
    out.append("| language | queries | MRR@10 | MRR@10 Standard | difference | success@10 | success@10 Standard | "
        + "wins/losses/ties | half A: MRR@10 / Standard | half B: MRR@10 / Standard |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (MixedKnownItemEvaluation.Language l : r.languages()) {
      QueryComparison c = l.comparison();
      out.append(String.format(Locale.ROOT, "| %s (%s) | %d | %.4f | %.4f | %+.4f | %.4f | %.4f | %d/%d/%d | %s | %s |%n",
          l.folder(), l.language(), l.queries(), l.mrr(), l.mrrBaseline(), l.mrr() - l.mrrBaseline(), l.success(),
          l.successBaseline(), c.wins(), c.losses(), c.ties(), pair(l.mrrA(), l.baselineA()),
          pair(l.mrrB(), l.baselineB())));
    }
    QueryComparison all = r.comparison();
    out.append(String.format(Locale.ROOT, "| mean of languages | %d | %.4f | %.4f | %+.4f | | | %d/%d/%d | %s | %s |%n",
        r.queries(), r.macroMrr(), r.macroBaseline(), r.macroMrr() - r.macroBaseline(), all.wins(), all.losses(),
        all.ties(), pair(r.macroMrr(Halves.A), r.macroBaseline(Halves.A)),
        pair(r.macroMrr(Halves.B), r.macroBaseline(Halves.B))));
    out.append(String.format(Locale.ROOT, "| mean of queries | %d | %.4f | %.4f | %+.4f | | | | | |%n", r.queries(),
        r.microMrr(), r.microBaseline(), r.microMrr() - r.microBaseline()));
    out.append(String.format(Locale.ROOT, "%nlanguages below their baseline by more than 0.005: %d; queries with a date phrase "
        + "read as a filter: %d; queries with quoted phrases searched as words: %d; searches past the time budget: %d%n",
        r.languages().stream().filter(l -> l.mrr() < l.mrrBaseline() - 0.005).count(), r.dated(), r.relaxed(),
        r.timedOut()));
    return out.toString();
  }

  /** MasakhaNEWS per language, each in an index of its own with its language given (the second table). */
  public static String perLanguage(List<KnownItemEvaluation.Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append("| language | queries | MRR@10 newssearch | MRR@10 Standard | ratio | success@10 newssearch | success@10 Standard |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    for (var r : rows) {
      out.append(String.format(Locale.ROOT, "| %s (%s) | %d | %.4f | %.4f | %.3f | %.4f | %.4f |%n", r.folder(), r.language(),
          r.queries(), r.mrrOurs(), r.mrrBaseline(), r.mrrOurs() / r.mrrBaseline(), r.successOurs(), r.successBaseline()));
    }
    return out.toString();
  }

  /** Ours and the baseline's MRR@10 on one half, or a dash for a half that was not asked. */
  private static String pair(double ours, double baseline) {
    return Double.isNaN(ours) ? "–" : String.format(Locale.ROOT, "%.4f / %.4f", ours, baseline);
  }

  private static void line(StringBuilder out, String name, String queries, TrecMeasures.Values v,
      TrecMeasures.Values base, String wlt, int dated, String file) {
    out.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %.3f | %.4f | %.4f | %.4f | %.4f | %s | %s | %s |%n", name,
        queries, v.ap(), v.ap() / base.ap(), v.ndcg10(), v.p10(), v.recall100(), v.rr10(), wlt,
        dated < 0 ? "" : String.valueOf(dated), file));
  }

  private static <T> List<T> concat(T first, List<T> rest) {
    List<T> out = new java.util.ArrayList<>();
    out.add(first);
    out.addAll(rest);
    return out;
  }
}

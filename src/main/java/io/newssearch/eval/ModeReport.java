package io.newssearch.eval;

import io.newssearch.semantic.ReciprocalRankFusion;
import io.newssearch.semantic.ReciprocalRankFusion.Weights;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Prints the mode comparison as Markdown tables: every mode on all queries and on each half, the
 * fusion weights tried on each half, and the weights tuned on one half checked on the other.
 */
final class ModeReport {

  /** The fusion settings tried: k = 60 (the paper's) and 20, the vector ranking weighted ¼ to 3 against the lexical one. */
  static final List<Weights> GRID = grid();

  private final PrintStream out;

  ModeReport(PrintStream out) {
    this.out = out;
  }

  private static List<Weights> grid() {
    List<Weights> g = new ArrayList<>();
    for (double k : new double[] {60, 20}) {
      for (double w : new double[] {0.25, 0.5, 0.75, 1, 1.5, 2, 3}) {
        g.add(new Weights(k, 1, w));
      }
    }
    return List.copyOf(g);
  }

  /** Every mode with trec_eval's measures, on all queries and on each half. */
  void modes(String title, ModeRuns runs, ModeRuns collapsedLexical, ToDoubleFunction<TrecMeasures.Values> tuneBy) {
    out.println("### " + title);
    out.println();
    out.println("| mode | queries | MAP | nDCG@10 | P@10 | recall@100 | MRR@10 |");
    out.println("|---|---|---|---|---|---|---|");
    Weights onA = best(runs, ModeRuns.Half.A, tuneBy);
    Weights onB = best(runs, ModeRuns.Half.B, tuneBy);
    for (ModeRuns.Half h : ModeRuns.Half.values()) {
      String half = h == ModeRuns.Half.ALL ? "all" : "half " + h;
      int n = runs.size(h);
      row("lexical (shipped search, collapse=none), " + half, n, runs.lexical(h));
      if (collapsedLexical != null) {
        row("lexical (collapse=story, the API default), " + half, n, collapsedLexical.lexical(h));
      }
      row("semantic (int8 HNSW kNN), " + half, n, runs.semantic(h));
      row("semantic (exact float kNN), " + half, n, runs.exact(h));
      row("hybrid RRF " + name(ReciprocalRankFusion.DEFAULT) + ", " + half, n, runs.hybrid(ReciprocalRankFusion.DEFAULT, h));
      if (h == ModeRuns.Half.B) {
        row("hybrid tuned on half A (" + name(onA) + "), half B", n, runs.hybrid(onA, h));
      } else if (h == ModeRuns.Half.A) {
        row("hybrid tuned on half B (" + name(onB) + "), half A", n, runs.hybrid(onB, h));
      }
    }
    out.println();
  }

  /** The fusion grid: the tuning measure on each half and MAP on all. */
  void grid(String title, ModeRuns runs, String measure, ToDoubleFunction<TrecMeasures.Values> tuneBy) {
    out.println("### " + title + ": fusion weights (" + measure + ")");
    out.println();
    out.println("| k | lexical : vector | " + measure + " half A | " + measure + " half B | " + measure
        + " all | MAP all |");
    out.println("|---|---|---|---|---|---|");
    for (Weights w : GRID) {
      TrecMeasures.Values all = runs.hybrid(w, ModeRuns.Half.ALL);
      out.printf(Locale.ROOT, "| %.0f | %s | %.4f | %.4f | %.4f | %.4f |%n", w.k(), ratio(w),
          tuneBy.applyAsDouble(runs.hybrid(w, ModeRuns.Half.A)), tuneBy.applyAsDouble(runs.hybrid(w, ModeRuns.Half.B)),
          tuneBy.applyAsDouble(all), all.ap());
    }
    out.println();
  }

  /** One line per language: MRR@10 and recall@100 of each mode, and semantic against lexical. */
  void languages(List<KnownItemModes.Language> langs) {
    out.println("### MasakhaNEWS known-item, MRR@10 and recall@100 per language (all queries)");
    out.println();
    out.println("| language | queries | MRR@10 lexical | MRR@10 semantic | MRR@10 exact | MRR@10 hybrid 1:1 | semantic / lexical "
        + "| R@100 lexical | R@100 semantic | R@100 hybrid |");
    out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (KnownItemModes.Language l : langs) {
      ModeRuns r = l.runs();
      ModeRuns.Half all = ModeRuns.Half.ALL;
      TrecMeasures.Values lex = r.lexical(all), sem = r.semantic(all), hyb = r.hybrid(ReciprocalRankFusion.DEFAULT, all);
      out.printf(Locale.ROOT, "| %s (%s) | %d | %.4f | %.4f | %.4f | %.4f | %.2f | %.4f | %.4f | %.4f |%n", l.folder(),
          l.code(), r.size(all), lex.rr10(), sem.rr10(), r.exact(all).rr10(), hyb.rr10(), sem.rr10() / lex.rr10(),
          lex.recall100(), sem.recall100(), hyb.recall100());
    }
    out.println();
  }

  static Weights best(ModeRuns runs, ModeRuns.Half half, ToDoubleFunction<TrecMeasures.Values> by) {
    Weights best = GRID.get(0);
    double top = -1;
    for (Weights w : GRID) {
      double v = by.applyAsDouble(runs.hybrid(w, half));
      if (v > top) {
        top = v;
        best = w;
      }
    }
    return best;
  }

  private void row(String mode, int n, TrecMeasures.Values v) {
    out.printf(Locale.ROOT, "| %s | %d | %.4f | %.4f | %.4f | %.4f | %.4f |%n", mode, n, v.ap(), v.ndcg10(), v.p10(),
        v.recall100(), v.rr10());
  }

  static String name(Weights w) {
    return String.format(Locale.ROOT, "k=%.0f, %s", w.k(), ratio(w));
  }

  private static String ratio(Weights w) {
    return String.format(Locale.ROOT, "%s:%s", trim(w.lexical()), trim(w.vector()));
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}

package io.newssearch.search;

import io.newssearch.search.SearchResult.ScoreExplanation;
import io.newssearch.search.SearchResult.ScorePart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The explanation of a semantic or hybrid hit, the same on both engines: where the article stood
 * in each ranking ({@link Part}) and what each ranking added to its fused score, then recency's
 * factor when the sort applied one. Each engine adds the lexical side's own detail (Lucene's BM25
 * breakdown, Solr's edismax score).
 */
public final class ModeExplanation {

  /** Where an article stood in each ranking (0: not in it), and its score there. */
  public static final class Part {
    public int lexicalRank, vectorRank;
    public float bm25, similarity;

    public void lexical(int rank, float score) {
      lexicalRank = rank;
      bm25 = score;
    }

    public void vector(int rank, float score) {
      vectorRank = rank;
      similarity = score;
    }
  }

  private final SearchMode mode;
  private final List<ScorePart> parts = new ArrayList<>();
  private double base;

  private ModeExplanation(SearchMode mode) {
    this.mode = mode;
  }

  /** A semantic hit: its rank among the {@code depth} nearest and its similarity. */
  public static ModeExplanation semantic(Part p, int depth) {
    ModeExplanation e = new ModeExplanation(SearchMode.SEMANTIC);
    e.base = p.similarity;
    e.parts.add(new ScorePart("vector", round(e.base), String.format(Locale.ROOT,
        "rank %d of the %d nearest by meaning; similarity (1 + cosine) / 2 = %.4f", p.vectorRank, depth, p.similarity)));
    return e;
  }

  /**
   * A hybrid hit among the fused candidates: each ranking's part, {@code weight / (k + rank)}.
   *
   * @param k reciprocal-rank fusion's rank offset; @param lexicalWeight and @param vectorWeight its weights
   * @param lexicalScore how the engine tells the lexical score ({@code "BM25 4.2 (title …)"})
   */
  public static ModeExplanation fused(Part p, double k, double lexicalWeight, double vectorWeight,
      String lexicalScore) {
    ModeExplanation e = new ModeExplanation(SearchMode.HYBRID);
    double lexicalPart = p.lexicalRank == 0 ? 0 : lexicalWeight / (k + p.lexicalRank);
    double vectorPart = p.vectorRank == 0 ? 0 : vectorWeight / (k + p.vectorRank);
    e.base = lexicalPart + vectorPart;
    e.parts.add(new ScorePart("lexical", round(lexicalPart), p.lexicalRank == 0 ? "not among the lexical candidates"
        : String.format(Locale.ROOT, "rank %d by words, weight %s / (%s + rank); %s", p.lexicalRank,
            num(lexicalWeight), num(k), lexicalScore)));
    e.parts.add(new ScorePart("vector", round(vectorPart), p.vectorRank == 0 ? "not among the nearest by meaning"
        : String.format(Locale.ROOT, "rank %d by meaning, weight %s / (%s + rank); similarity %.4f", p.vectorRank,
            num(vectorWeight), num(k), p.similarity)));
    return e;
  }

  /**
   * A hybrid hit past the fused window: a lexical match ranked after every fused hit.
   *
   * @param squeezed its score before recency; @param lexicalScore its lexical score, told
   */
  public static ModeExplanation pastWindow(double squeezed, String lexicalScore) {
    ModeExplanation e = new ModeExplanation(SearchMode.HYBRID);
    e.base = squeezed;
    e.parts.add(new ScorePart("lexical", round(squeezed),
        "past the fused window: after every fused hit, by " + lexicalScore));
    return e;
  }

  /** The explanation of a hit scored {@code score}: the parts, recency's when it changed the score, a summary. */
  public ScoreExplanation of(float score) {
    List<ScorePart> out = new ArrayList<>(parts);
    if (base > 0 && Math.abs(score / base - 1) > 1e-4) {
      out.add(new ScorePart("recency", round(score - base), String.format(Locale.ROOT, "× %.3f", score / base)));
    }
    StringBuilder summary = new StringBuilder(mode.label()).append(": ");
    for (int i = 0; i < out.size(); i++) {
      summary.append(i == 0 ? "" : " + ").append(out.get(i).name()).append(' ')
          .append(String.format(Locale.ROOT, "%.4f", out.get(i).value()));
    }
    summary.append(String.format(Locale.ROOT, " = %.4f", score));
    return new ScoreExplanation(round(score), out, summary.toString());
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  private static String num(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}

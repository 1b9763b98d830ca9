package io.newssearch.search;

import io.newssearch.search.SearchResult.ScoreExplanation;
import io.newssearch.search.SearchResult.ScorePart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.search.Explanation;

/**
 * Lucene's {@link Explanation} of a hit, summarised for people: how much of the score came from
 * the title, the body, the proximity clause and anything else, and what the language
 * fit and the recency decay did.
 *
 * <p>Lucene's tree sums the weight of each matching word ("weight(title:drill in 3)"; a BM25F word
 * is explained as its score shared by the fields it occurs in), so the summary walks it and adds
 * each weight to its bucket: by field, the sloppy body phrases that an engine adds for
 * proximity as "proximity", and whatever sits under a node labelled {@value #FEEDBACK_LABEL} (the
 * words pseudo-relevance feedback added) as "feedback". The language fit and the recency decay multiply the text score; each
 * is shown as what it added or took away ({@code score so far × (factor − 1)}), so the parts add
 * up to the score.
 */
public final class ScoreBreakdown {

  /** How an engine labels the explanation of the words pseudo-relevance feedback added to the query. */
  public static final String FEEDBACK_LABEL = "feedback";
  /**
   * How an engine labels the explanation of the pieces of the query's words it matched in an
   * article's headline and opening; also the name of the field it matches them in, whose leaves
   * the summary adds to this part.
   */
  public static final String SUBWORDS_LABEL = "subwords";
  /** How an engine labels the explanation of the query's words it found in an article's lead. */
  public static final String LEAD_LABEL = "lead";
  /** Parts are listed in this order, other fields after them. */
  private static final List<String> ORDER = List.of(QueryChecker.TITLE, QueryChecker.BODY, "proximity",
      FEEDBACK_LABEL, SUBWORDS_LABEL, LEAD_LABEL);
  /** How an engine labels the language-fit factor's explanation. */
  public static final String LANGUAGE_LABEL = "language fit";

  private ScoreBreakdown() {}

  /**
   * The summary of a Lucene explanation tree: leaves {@code weight(field:term in doc)} add to their
   * field's part, a sloppy body phrase to "proximity", a node described {@code recency: ...} is
   * the decay factor. Another backend (Solr) hands its explanation in the same terms.
   */
  public static ScoreExplanation summarise(Explanation explanation, float score) {
    Walk walk = new Walk();
    walk.visit(explanation);
    List<ScorePart> parts = new ArrayList<>();
    double text = 0;
    List<Map.Entry<String, Double>> buckets = new ArrayList<>(walk.buckets.entrySet());
    buckets.sort(java.util.Comparator.comparingInt(e -> ORDER.indexOf(e.getKey()) < 0 ? ORDER.size() : ORDER.indexOf(e.getKey())));
    for (var e : buckets) {
      text += e.getValue();
      parts.add(new ScorePart(e.getKey(), round(e.getValue()), detail(e.getKey(), walk.words.get(e.getKey()))));
    }
    // The language weight applies to the text score, the recency decay to all of it.
    for (Factor f : walk.factors()) {
      if (f.value() != 1 || f.name().equals(Recency.LABEL)) {
        parts.add(new ScorePart(f.name(), round(text * (f.value() - 1)),
            String.format(Locale.ROOT, "× %.3f (%s)", f.value(), f.detail())));
      }
      text *= f.value();
    }
    StringBuilder summary = new StringBuilder();
    for (ScorePart p : parts) {
      summary.append(summary.isEmpty() ? "" : p.value() < 0 ? " − " : " + ")
          .append(p.name()).append(' ')
          .append(String.format(Locale.ROOT, "%.3f", summary.isEmpty() ? p.value() : Math.abs(p.value())));
    }
    summary.append(String.format(Locale.ROOT, " = %.3f", score));
    return new ScoreExplanation(round(score), parts, summary.toString());
  }

  /** A multiplying part of the score, by its label. */
  private record Factor(String name, double value, String detail) {}

  private static String detail(String bucket, Set<String> words) {
    String list = words == null || words.isEmpty() ? "" : ": " + String.join(", ", words);
    return switch (bucket) {
      case "title" -> "BM25 on the headline, weight " + Ranking.TITLE_WEIGHT + list;
      case "body" -> "BM25 on the story text" + list;
      case "proximity" -> "neighbouring query words within " + Ranking.PROXIMITY_SLOP + " words of each other in the text";
      case FEEDBACK_LABEL -> "words typical of the query's top articles, added to it" + list;
      // The pieces themselves (dozens of four-letter strings) would say nothing to a reader.
      case SUBWORDS_LABEL -> "pieces of a few letters of the query's words, in the headline and the story's opening";
      case LEAD_LABEL -> "the query's words in the story's opening, each once by its rarity" + list;
      case "match_all" -> "an empty query matches every article equally";
      default -> "BM25 on " + bucket + list;
    };
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** Accumulates leaf weights by bucket and picks up the recency factor. */
  private static final class Walk {
    private static final Pattern LEAD_LEAF = Pattern.compile("ConstantScore\\(spanFirst\\([^:]+:([^,]+), \\d+\\)\\)");
    final Map<String, Double> buckets = new LinkedHashMap<>();
    final Map<String, Set<String>> words = new LinkedHashMap<>();
    Factor language;
    Factor recency;
    /**
     * Set while walking the feedback words or the lead's: every leaf below adds to their part,
     * whatever its field.
     */
    String inPart;

    List<Factor> factors() {
      List<Factor> out = new ArrayList<>();
      if (language != null) {
        out.add(language);
      }
      if (recency != null) {
        out.add(recency);
      }
      return out;
    }

    void visit(Explanation e) {
      if (!e.isMatch() || e.getValue().doubleValue() == 0) {
        return; // a filter clause ("match on required clause, product of: 0 = # clause ...") adds nothing
      }
      String d = e.getDescription();
      if (d.startsWith(Recency.LABEL)) {
        recency = new Factor(Recency.LABEL, e.getValue().doubleValue(), d.substring(Recency.LABEL.length() + 2));
        return;
      }
      if (d.startsWith(LANGUAGE_LABEL)) {
        language = new Factor("language", e.getValue().doubleValue(), d.substring(LANGUAGE_LABEL.length() + 2));
        return;
      }
      for (String part : List.of(FEEDBACK_LABEL, LEAD_LABEL)) {
        if (d.startsWith(part + ":")) {
          inPart = part;
          for (Explanation child : e.getDetails()) {
            visit(child);
          }
          inPart = null;
          return;
        }
      }
      if (d.startsWith("weight(") && !d.startsWith("weight(FunctionScoreQuery(")) {
        leaf(d.substring("weight(".length()), e.getValue().doubleValue());
        return;
      }
      if (e.getDetails().length == 0) {
        // A constant-score part (a wildcard, an empty query) or a filter's zero.
        if (e.getValue().doubleValue() != 0) {
          add(d.startsWith("*:*") ? "match_all" : "other", e.getValue().doubleValue(), leadWord(d));
        }
        return;
      }
      for (Explanation child : e.getDetails()) {
        visit(child);
      }
    }

    /** The word of a lead's leaf, {@code ConstantScore(spanFirst(body:flood, 25))^2.1}; null for another leaf. */
    private static String leadWord(String d) {
      Matcher m = LEAD_LEAF.matcher(d);
      return m.lookingAt() ? m.group(1) : null;
    }

    /** {@code body:"naval drill"~8 in 0) [BM25...]} or {@code Synonym(title:a title:b) in 3)...}. */
    private void leaf(String d, double value) {
      String q = d.startsWith("Synonym(") ? d.substring("Synonym(".length()) : d;
      int colon = q.indexOf(':');
      String field = colon < 0 ? "other" : q.substring(0, colon);
      int in = q.lastIndexOf(" in ");
      String term = colon < 0 || in < colon ? "" : q.substring(colon + 1, in);
      boolean sloppyPhrase = term.startsWith("\"") && term.matches("\".*\"~\\d+");
      String bucket = sloppyPhrase && field.equals(QueryChecker.BODY) ? "proximity" : field;
      add(bucket, value, sloppyPhrase ? null : term.replace(")", ""));
    }

    private void add(String field, double value, String word) {
      String bucket = inPart != null ? inPart : field;
      buckets.merge(bucket, value, Double::sum);
      if (word != null && !word.isEmpty()) {
        words.computeIfAbsent(bucket, k -> new LinkedHashSet<>()).add(word);
      }
    }
  }
}

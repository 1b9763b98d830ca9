package io.newssearch.solr;


import io.newssearch.search.Recency;
import io.newssearch.search.ScoreBreakdown;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult.ScoreExplanation;
import io.newssearch.search.SortOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.search.Explanation;

/**
 * {@code explain=true} on SolrCloud: Solr's structured explanation of a hit (the same Lucene
 * explanation tree, as nested maps) turned back into an {@link Explanation} in the embedded
 * backend's terms, then summarised by {@link ScoreBreakdown}: per-language fields read as title
 * and body, and the recency function as the decay it computes.
 */
final class SolrExplanations {

  /** {@code title_en:} → {@code title:}, {@code body_und:} → {@code body:}. */
  private static final Pattern LANGUAGE_FIELD = Pattern.compile("\\b(title|body)_[a-z0-9_]+:");

  private SolrExplanations() {}

  static ScoreExplanation summarise(Object structured, SearchRequest r, Instant published, float score) {
    Explanation e = explanation(structured);
    if (r.sort() == SortOrder.RECENCY) {
      e = withRecency(e, Recency.of(r).explain(published));
    }
    return ScoreBreakdown.summarise(e, score);
  }

  /**
   * {@code {!boost}} explains itself as {@code weight(FunctionScoreQuery(...))} over "product of:"
   * the text score and the function; the function's node is replaced by the decay in our words.
   */
  private static Explanation withRecency(Explanation e, Explanation recency) {
    Explanation[] d = e.getDetails();
    if (d.length == 2 && e.getDescription().startsWith("product of")) {
      return Explanation.match(e.getValue(), e.getDescription(), d[0], recency);
    }
    if (d.length == 1) {
      return Explanation.match(e.getValue(), e.getDescription(), withRecency(d[0], recency));
    }
    return e;
  }

  private static Explanation explanation(Object node) {
    if (node instanceof org.apache.solr.common.util.NamedList<?> nl) {
      node = nl.asShallowMap();
    }
    if (!(node instanceof Map<?, ?> m)) {
      return Explanation.noMatch("no explanation");
    }
    String description = LANGUAGE_FIELD.matcher(String.valueOf(m.get("description"))).replaceAll("$1:");
    Number value = m.get("value") instanceof Number n ? n : 0;
    List<Explanation> details = new ArrayList<>();
    if (m.get("details") instanceof List<?> list) {
      for (Object d : list) {
        details.add(explanation(d));
      }
    }
    return Boolean.FALSE.equals(m.get("match"))
        ? Explanation.noMatch(description, details)
        : Explanation.match(value, description, details);
  }
}

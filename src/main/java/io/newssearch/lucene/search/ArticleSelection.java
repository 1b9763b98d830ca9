package io.newssearch.lucene.search;

import io.newssearch.search.CheckedQuery;
import io.newssearch.search.SearchRequest;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * Which articles of one language a search selects: the text query as {@link QueryFactory} builds
 * it for that language's analyzer, with every filter of the request ({@link Filters}). It is the
 * branch of a search's query that an article of that language meets, so a saved search run on one
 * new article (alerts) selects it exactly when the search would. Scores do not matter here.
 */
public final class ArticleSelection {

  private ArticleSelection() {}

  /**
   * @param query {@code r}'s text, checked
   * @param language the language of the articles it will be run on
   */
  public static Query of(QueryFactory queries, SearchRequest r, CheckedQuery query, String language) {
    Query text = queries.textQuery(query, Set.of(language), null); // no index statistics: which articles, not how high
    List<Query> filters = Filters.of(r, null);
    if (filters.isEmpty()) {
      return text;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
    filters.forEach(f -> b.add(f, Occur.FILTER));
    return b.build();
  }
}

package io.newssearch.lucene.search;

import java.util.Map;
import org.apache.lucene.search.Query;

/**
 * The scoring part of a search ({@link QueryFactory}); when its ranking rescores the query's top
 * articles, the first search that found them (else null); and, when the query is parsed once per
 * analysis of the languages searched, each language's part ({@link #wordsOf}).
 *
 * @param byLanguage each language's part of the query, by language; empty when it has one part
 * @param marked the query's words as a snippet marks them, whatever rescores its top articles
 *     (proximity phrases included: a phrase of two words is marked as one)
 */
public record TextQuery(Query query, FirstSearch first, Map<String, Query> byLanguage, Query marked) {

  TextQuery(Query query, FirstSearch first) {
    this(query, first, Map.of(), query);
  }

  TextQuery withFirst(Query rescored, FirstSearch first) {
    return new TextQuery(rescored, first, byLanguage, marked);
  }

  /**
   * The words an article of this language matched by: its own analysis's part. An article is
   * scored by that part alone, so its snippets need not ask every other language's part where it
   * matches (the highlighter's work grows with the parts asked).
   */
  Query wordsOf(String language) {
    Query own = language == null ? null : byLanguage.get(language);
    return own != null ? own : marked;
  }
}

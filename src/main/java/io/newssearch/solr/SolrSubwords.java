package io.newssearch.solr;

import io.newssearch.analysis.SubwordAnalyzer;
import io.newssearch.search.AskedWords;
import io.newssearch.search.CheckedQuery;
import io.newssearch.search.Ranking;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SortOrder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;

/**
 * The pieces of a few letters of the query's words on SolrCloud, scored as the embedded engine
 * scores them ({@code lucene.search.SubwordPieces}): a first, light request finds the query's top
 * {@value Ranking#RESCORED_CANDIDATES} articles with the search's filters (keys only); the search
 * then adds {@link Ranking#subwords} × the pieces' BM25 score in the {@value SolrFields#SUBWORDS}
 * field to those articles, and to no other. Matches, totals and facets stay the query's own.
 *
 * <p>Why not Solr's {@code rq={!rerank reRankDocs=50 reRankWeight=0.25}}, which adds a second
 * query's score to the top articles too: (1) every search of this engine pages by cursor (the first
 * page is {@code cursorMark=*}), and Solr 9.10 refuses rerank with a cursor: each shard fails with
 * "TopDocs cannot be cast to TopFieldDocs" (a 500; tried on the test cluster), since its {@code
 * ReRankCollector} returns plain TopDocs and collects without the cursor's position; (2) each shard
 * would rerank its own top 50, not the collection's. Here the pieces are part of the main query, so
 * their statistics come from the same exact statistics cache as every other word's. The cost is one
 * more request of 50 keys, as the embedded engine's first search is one more search.
 */
final class SolrSubwords {

  /** Parameter names; the text query's own ({@code qq}, {@code l0qf}, ...) are set beside them. */
  private static final String TEXT = "swq";
  private static final String PIECES = "swp";
  private static final String CANDIDATES = "swc";
  private static final String CANDIDATE = "swk";
  private static final String ON_CANDIDATES = "sw";

  private final SolrCloudClient client;
  /** Finds and folds the query's words without stemming them (the fallback's analyzer). */
  private final Analyzer words;
  /** Whether each collection's schema has the pieces' field, asked once: a collection keeps its schema. */
  private final Map<String, Boolean> indexed = new ConcurrentHashMap<>();

  SolrSubwords(SolrCloudClient client, Analyzer words) {
    this.client = client;
    this.words = words;
  }

  /** Sends a request the way the search sends its own, so a failure reads as the search's. */
  interface Ask {
    QueryResponse query(SolrQuery q) throws IOException;
  }

  /**
   * The text query with its words' pieces scored on its top articles, its parameters set on
   * {@code q}; or the text query as it is, when there are no pieces, no candidates (none match, or
   * a node that is stopping answered without results), or no field for them in the collection.
   *
   * @param text the text query (a query string whose parameters are on {@code q})
   */
  String apply(SolrQuery q, String text, CheckedQuery query, SearchRequest r, String collection, Ask ask)
      throws IOException {
    Ranking ranking = Ranking.DEFAULT;
    Map<String, Integer> pieces = pieces(r, query, words, ranking);
    if (pieces.isEmpty() || !indexed(collection)) {
      return text;
    }
    SolrDocumentList top = ask.query(candidates(q, text, r)).getResults();
    return top == null || top.isEmpty() ? text : rescored(q, text, keys(top), pieces, ranking.subwords());
  }

  /**
   * Whether the collection has the pieces' field: one made from an older configset (before a
   * rebuild) has not, and a query naming the field would fail there; its articles simply have no
   * pieces, as an older embedded index's have none.
   */
  private boolean indexed(String collection) throws IOException {
    Boolean known = indexed.get(collection);
    if (known == null) {
      known = hasField(client, collection, SolrFields.SUBWORDS);
      indexed.put(collection, known);
    }
    return known;
  }

  /** Whether the collection's schema has this field (Solr's schema API). */
  static boolean hasField(SolrCloudClient client, String collection, String field) throws IOException {
    try {
      SolrRequests.process(client, collection, new SchemaRequest.Field(field), "read the schema of " + collection);
      return true;
    } catch (IOException e) {
      if (SolrRequests.status(e) == 404) {
        return false;
      }
      throw e;
    }
  }

  /**
   * The pieces to score and how often each occurs, or none: newest first is not reordered by
   * score, and a query without words in the text has no pieces.
   *
   */
  static Map<String, Integer> pieces(SearchRequest r, CheckedQuery query, Analyzer words, Ranking ranking) {
    if (r.sort() == SortOrder.DATE || ranking.subwords() <= 0) {
      return Map.of();
    }
    return SubwordAnalyzer.pieces(AskedWords.of(query, words));
  }

  /** The request for the candidates: the text query ({@code text}, parameters on {@code q}) with the search's filters. */
  static SolrQuery candidates(SolrQuery q, String text, SearchRequest r) {
    SolrQuery c = q.getCopy();
    c.setQuery(text);
    SolrQueries.filters(c, r);
    // Articles, not stories: the embedded engine's first search does not collapse either.
    c.set("sort", SolrQueries.headOrder(SortOrder.RELEVANCE));
    c.setFields(SolrFields.KEY);
    c.setRows(Ranking.RESCORED_CANDIDATES);
    return c;
  }

  static List<String> keys(SolrDocumentList candidates) {
    List<String> keys = new ArrayList<>();
    for (SolrDocument d : candidates) {
      keys.add((String) d.getFirstValue(SolrFields.KEY));
    }
    return keys;
  }

  /**
   * The text query plus the weighted pieces on the candidates only; its parameters are set on
   * {@code q}. Each piece is quoted (a piece may hold query syntax: {@code a:b(}), and the field's
   * query analyzer keeps a quoted piece whole; a piece that occurs n times weighs n times.
   */
  static String rescored(SolrQuery q, String text, List<String> keys, Map<String, Integer> pieces, float weight) {
    q.set(TEXT, text);
    q.set(PIECES, pieces.entrySet().stream()
        .map(p -> SolrFields.SUBWORDS + ":" + SolrQueries.quoted(p.getKey()) + "^"
            + (weight * p.getValue()))
        .collect(Collectors.joining(" ", "{!lucene q.op=OR}", "")));
    for (int i = 0; i < keys.size(); i++) {
      q.set(CANDIDATE + i, SolrQueries.term(SolrFields.KEY, keys.get(i)));
    }
    q.set(CANDIDATES, IntStream.range(0, keys.size()).mapToObj(i -> "should=$" + CANDIDATE + i)
        .collect(Collectors.joining(" ", "{!bool ", "}")));
    // A filter clause scores nothing: the candidates only say where the pieces count.
    q.set(ON_CANDIDATES, "{!bool must=$" + PIECES + " filter=$" + CANDIDATES + "}");
    return "{!bool must=$" + TEXT + " should=$" + ON_CANDIDATES + "}";
  }
}

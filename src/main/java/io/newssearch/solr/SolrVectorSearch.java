package io.newssearch.solr;

import io.newssearch.search.ModeExplanation;
import io.newssearch.search.SearchMode;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult.ScoreExplanation;
import io.newssearch.semantic.ReciprocalRankFusion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;

/**
 * Semantic and hybrid search on SolrCloud, the embedded engine's modes ({@code lucene.search.VectorSearch})
 * with the ranking lists taken from Solr and fused here. Like there, each mode becomes one scoring
 * query that the usual search then runs (collapse by story, facets, snippets, cursors, sorts):
 *
 * <ul>
 *   <li><b>semantic</b>: the {@link SearchMode#nearestNeeded} nearest articles by a first request,
 *       {@code {!knn}} with the request's filters as {@code fq}. With {@code {!knn}} as the main
 *       query, Solr applies every {@code fq} that is not a post filter as a <em>pre</em>-filter
 *       inside the HNSW search (SOLR-16246, Solr 9.1; tunable since 9.6 by {@code
 *       includeTags}/{@code excludeTags}/{@code preFilter}, not used here): the k nearest are k
 *       that pass, as on the embedded index. Each shard returns its own k nearest, so the main
 *       request searches {@code {!knn}} again with those k keys as its pre-filter ({@code
 *       preFilter}): exactly the k nearest of the collection match, each scored by its
 *       similarity, whatever the shards.
 *   <li><b>hybrid</b>: the top {@link SearchMode#WINDOW} lexical hits (the usual edismax query,
 *       filtered, no collapse) and the {@link SearchMode#WINDOW} nearest, fused by reciprocal rank
 *       with the embedded engine's {@link ReciprocalRankFusion#DEFAULT} (k = 60, 1:1). The main
 *       query gives each fused article its fused score (a constant-score clause on its key) and
 *       every other lexical match its BM25 squeezed below the lowest fused score
 *       ({@code c × bm25 / (bm25 + 1)}), the best of the two kept ({@code {!maxscore}}): so the
 *       match set, totals and facets are the lexical matches plus the kNN hits, as there.
 * </ul>
 */
final class SolrVectorSearch {

  /** How a collection gets vectors, for the 400 on one without. */
  static final String HOW_TO_ENABLE = "build the collection with 'newssearch index --rebuild --vectors --backend solr' "
      + "(or 'serve --vectors')";
  /** Joins keys for {@code {!terms}}: a key never holds '/' ({@link SolrDocuments#key} escapes it). */
  private static final String KEY_SEPARATOR = "/";

  private final SolrCloudClient client;
  private final SolrVectors vectors;
  private final ReciprocalRankFusion.Weights weights = ReciprocalRankFusion.DEFAULT;

  SolrVectorSearch(SolrCloudClient client, SolrVectors vectors) {
    this.client = client;
    this.vectors = vectors;
  }

  /**
   * The ranking of a semantic or hybrid request, from one or two light requests (keys and scores).
   *
   * @param lexical the text query of the request (a query string whose parameters are set on {@code base})
   * @param base a query holding that text query's parameters
   */
  Ranked rank(SearchMode mode, String collection, SearchRequest r, String lexical, SolrQuery base) throws IOException {
    int depth = mode.nearestNeeded(r);
    String vector = vectorText(vectors.query(r.query()));
    List<String> nearest = new ArrayList<>();
    Map<String, ModeExplanation.Part> parts = new HashMap<>();
    SolrQuery knn = light(r, depth);
    knn.setQuery(knnQuery(depth));
    knn.set("vector", vector);
    for (SolrDocument d : SolrRequests.query(client, collection, knn).getResults()) {
      String key = (String) d.getFirstValue(SolrFields.KEY);
      nearest.add(key);
      parts.computeIfAbsent(key, k -> new ModeExplanation.Part()).vector(nearest.size(), score(d));
    }
    if (mode == SearchMode.SEMANTIC) {
      return new Ranked(mode, parts, depth, 0, -1, vector, String.join(KEY_SEPARATOR, nearest), lexical, null);
    }
    SolrQuery words = light(r, depth);
    words.add(base);
    words.setQuery(lexical);
    List<String> lexicalKeys = new ArrayList<>();
    for (SolrDocument d : SolrRequests.query(client, collection, words).getResults()) {
      String key = (String) d.getFirstValue(SolrFields.KEY);
      lexicalKeys.add(key);
      parts.computeIfAbsent(key, k -> new ModeExplanation.Part()).lexical(lexicalKeys.size(), score(d));
    }
    var fused = ReciprocalRankFusion.fuse(lexicalKeys, nearest, weights);
    // Below every fused score, in BM25 order: the lexical matches past the window.
    double ceiling = fused.isEmpty() ? 1 : fused.get(fused.size() - 1).score() * 0.99;
    String clauses = fused.stream()
        .map(f -> SolrFields.KEY + ":" + SolrQueries.quoted(f.doc()) + "^=" + decimal(f.score()))
        .collect(Collectors.joining(" "));
    return new Ranked(mode, parts, depth, ceiling, lexicalKeys.size(), null, null, lexical, clauses);
  }

  /** A request for keys and scores only, with the request's filters (pre-filters of a {@code {!knn}}). */
  private static SolrQuery light(SearchRequest r, int rows) {
    SolrQuery q = new SolrQuery();
    SolrQueries.filters(q, r);
    q.setFields(SolrFields.KEY, "score");
    q.setRows(rows);
    q.set("sort", "score desc," + SolrFields.KEY + " asc");
    return q;
  }

  private static String knnQuery(int topK) {
    return "{!knn f=" + SolrFields.VECTOR + " topK=" + topK + " v=$vector}";
  }

  private static float score(SolrDocument d) {
    return d.getFirstValue("score") instanceof Number n ? n.floatValue() : 0f;
  }

  static String vectorText(float[] v) {
    StringBuilder sb = new StringBuilder(v.length * 12).append('[');
    for (int i = 0; i < v.length; i++) {
      sb.append(i == 0 ? "" : ",").append(v[i]);
    }
    return sb.append(']').toString();
  }

  private static String decimal(double v) {
    return String.format(Locale.ROOT, "%.9f", v);
  }

  /** A semantic or hybrid ranking: the scoring query for the main request, and what explains it. */
  final class Ranked {
    private final SearchMode mode;
    private final Map<String, ModeExplanation.Part> parts;
    private final int depth;
    private final double ceiling;
    private final int lexicalHits;
    private final String vector;
    private final String nearestKeys;
    private final String lexical;
    private final String fusedClauses;

    private Ranked(SearchMode mode, Map<String, ModeExplanation.Part> parts, int depth, double ceiling, int lexicalHits,
        String vector, String nearestKeys, String lexical, String fusedClauses) {
      this.mode = mode;
      this.parts = parts;
      this.depth = depth;
      this.ceiling = ceiling;
      this.lexicalHits = lexicalHits;
      this.vector = vector;
      this.nearestKeys = nearestKeys;
      this.lexical = lexical;
      this.fusedClauses = fusedClauses;
    }

    SearchMode mode() {
      return mode;
    }

    /**
     * Sets the parameters the scoring query names on {@code q} (and, for semantic, the pre-filter
     * of the nearest keys) and returns the scoring query. Snippets mark the query's words
     * ({@code hl.q}), as on the embedded index.
     */
    String apply(SolrQuery q) {
      q.set("lexical", lexical);
      // {!bool}, not {!query}: Solr asks an hl.q parser for its highlight query without parsing
      // first, which {!query} does not survive (NullPointerException on its baseParser).
      q.set("hl.q", "{!bool should=$lexical}");
      if (mode == SearchMode.SEMANTIC) {
        // The nearest keys as the explicit pre-filter: {!knn} reads the fq as pre-filters only as
        // the top-level query, and sort=recency nests it in {!boost}.
        q.set("vector", vector);
        q.set("nearest", nearestKeys);
        q.set("nearestFilter", "{!terms f=" + SolrFields.KEY + " separator=" + KEY_SEPARATOR + " v=$nearest}");
        return "{!knn f=" + SolrFields.VECTOR + " topK=" + depth + " preFilter=$nearestFilter v=$vector}";
      }
      q.set("squeeze", "div(" + decimal(ceiling) + ",sum(query($lexical),1))");
      q.set("fused", (fusedClauses.isEmpty() ? "" : fusedClauses + " ") + "_query_:\"{!boost b=$squeeze v=$lexical}\"");
      return "{!maxscore tie=0 v=$fused}";
    }

    /** Whether the words found fewer than {@code few} (hybrid; semantic has no words to respell). */
    boolean fewWordHits(int few) {
      return lexicalHits >= 0 && lexicalHits < few;
    }

    /** A hit's parts: rank in each ranking and what it added; recency's factor when the sort applied one. */
    ScoreExplanation explain(String key, float score) {
      ModeExplanation.Part p = parts.getOrDefault(key, new ModeExplanation.Part());
      if (mode == SearchMode.SEMANTIC) {
        return ModeExplanation.semantic(p, depth).of(score);
      }
      if (p.lexicalRank == 0 && p.vectorRank == 0) {
        // The score is ceiling × s / (s + 1) before recency (none with relevance): s read back.
        double bm25 = score / Math.max(1e-12, ceiling - score);
        return ModeExplanation.pastWindow(score, String.format(Locale.ROOT, "edismax score %.3f", bm25)).of(score);
      }
      return ModeExplanation.fused(p, weights.k(), weights.lexical(), weights.vector(),
          String.format(Locale.ROOT, "BM25 %.3f (edismax)", p.bm25)).of(score);
    }
  }
}

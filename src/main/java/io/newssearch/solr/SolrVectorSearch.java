package io.newssearch.solr;

import io.newssearch.search.SearchMode;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult.ScoreExplanation;
import io.newssearch.search.SearchResult.ScorePart;
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
 *       request searches {@code {!knn}} again with those k keys as one more pre-filter: exactly
 *       the k nearest of the collection match, each scored by its similarity, whatever the shards.
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
    Map<String, Part> parts = new HashMap<>();
    SolrQuery knn = light(r, depth);
    knn.setQuery(knnQuery(depth));
    knn.set("vector", vector);
    for (SolrDocument d : SolrRequests.query(client, collection, knn).getResults()) {
      String key = (String) d.getFirstValue(SolrFields.KEY);
      nearest.add(key);
      parts.computeIfAbsent(key, k -> new Part()).vector(nearest.size(), score(d));
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
      parts.computeIfAbsent(key, k -> new Part()).lexical(lexicalKeys.size(), score(d));
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

  /** Where an article stood in each ranking (0: not in it). */
  static final class Part {
    int lexicalRank, vectorRank;
    float bm25, similarity;

    void lexical(int rank, float score) {
      lexicalRank = rank;
      bm25 = score;
    }

    void vector(int rank, float score) {
      vectorRank = rank;
      similarity = score;
    }
  }

  /** A semantic or hybrid ranking: the scoring query for the main request, and what explains it. */
  final class Ranked {
    private final SearchMode mode;
    private final Map<String, Part> parts;
    private final int depth;
    private final double ceiling;
    private final int lexicalHits;
    private final String vector;
    private final String nearestKeys;
    private final String lexical;
    private final String fusedClauses;

    private Ranked(SearchMode mode, Map<String, Part> parts, int depth, double ceiling, int lexicalHits,
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
        q.set("vector", vector);
        q.set("nearest", nearestKeys);
        q.addFilterQuery("{!terms f=" + SolrFields.KEY + " separator=" + KEY_SEPARATOR + " v=$nearest}");
        return knnQuery(depth);
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
      Part p = parts.getOrDefault(key, new Part());
      List<ScorePart> out = new ArrayList<>();
      double base;
      if (mode == SearchMode.SEMANTIC) {
        base = p.similarity;
        out.add(new ScorePart("vector", round(base), String.format(Locale.ROOT,
            "rank %d of the %d nearest by meaning; similarity (1 + cosine) / 2 = %.4f", p.vectorRank, depth,
            p.similarity)));
      } else if (p.lexicalRank == 0 && p.vectorRank == 0) {
        double squeezed = score;
        double bm25 = squeezed / Math.max(1e-12, ceiling - squeezed);
        base = squeezed;
        out.add(new ScorePart("lexical", round(base), String.format(Locale.ROOT,
            "past the fused window: after every fused hit, by BM25 %.3f", bm25)));
      } else {
        double lexicalPart = p.lexicalRank == 0 ? 0 : weights.lexical() / (weights.k() + p.lexicalRank);
        double vectorPart = p.vectorRank == 0 ? 0 : weights.vector() / (weights.k() + p.vectorRank);
        base = lexicalPart + vectorPart;
        out.add(new ScorePart("lexical", round(lexicalPart), p.lexicalRank == 0 ? "not among the lexical candidates"
            : String.format(Locale.ROOT, "rank %d by words, weight %s / (%s + rank); BM25 %.3f (edismax)",
                p.lexicalRank, num(weights.lexical()), num(weights.k()), p.bm25)));
        out.add(new ScorePart("vector", round(vectorPart), p.vectorRank == 0 ? "not among the nearest by meaning"
            : String.format(Locale.ROOT, "rank %d by meaning, weight %s / (%s + rank); similarity %.4f",
                p.vectorRank, num(weights.vector()), num(weights.k()), p.similarity)));
      }
      if (base > 0 && Math.abs(score / base - 1) > 1e-4) {
        out.add(new ScorePart("recency", round(score - base), String.format(Locale.ROOT, "× %.3f", score / base)));
      }
      String summary = out.stream().map(s -> s.name() + " " + String.format(Locale.ROOT, "%.4f", s.value()))
          .collect(Collectors.joining(" + ", mode.label() + ": ", String.format(Locale.ROOT, " = %.4f", score)));
      return new ScoreExplanation(round(score), out, summary);
    }
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  private static String num(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}

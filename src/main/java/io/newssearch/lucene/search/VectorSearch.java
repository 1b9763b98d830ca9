package io.newssearch.lucene.search;

import io.newssearch.lucene.IndexView;
import io.newssearch.search.CheckedQuery;
import io.newssearch.search.ModeExplanation;
import io.newssearch.search.ScoreBreakdown;
import io.newssearch.search.SearchMode;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult.Hit;
import io.newssearch.search.SearchResult.ScoreExplanation;
import io.newssearch.search.SearchResult.ScorePart;
import io.newssearch.semantic.Embedder;
import io.newssearch.semantic.ReciprocalRankFusion;
import io.newssearch.semantic.VectorFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.queries.function.FunctionScoreQuery;

/**
 * Semantic and hybrid search on the embedded index. Both turn the request into one query over the
 * view that the usual search then runs (collapse by story, facets, snippets, cursors, sorts):
 *
 * <ul>
 *   <li><b>semantic</b>: the {@link #depth} articles nearest the query's vector, found by the kNN
 *       search with the request's filters inside it (so the k nearest are k that pass), scored by
 *       similarity. A deeper page asks for more; the nearest 100 stay the nearest 100, so pages agree.
 *   <li><b>hybrid</b>: the top {@link #DEPTH} lexical hits and the {@link #DEPTH} nearest, fused by
 *       reciprocal rank ({@link ReciprocalRankFusion#DEFAULT}: k = 60, 1:1). The other lexical
 *       matches follow them in BM25 order (their scores squeezed below the lowest fused one: {@link SqueezedScores}),
 *       so the match set, the totals and the facets are the lexical matches plus the kNN hits. The
 *       window is fixed, not the page's depth: fusing deeper lists would reorder the first pages,
 *       and page 2 would repeat or skip what page 1 showed.
 * </ul>
 *
 * Only articles with a vector (English ones) can be kNN hits. The query is embedded as typed.
 */
final class VectorSearch {

  /** Candidates taken from each ranking when the page asks for fewer. */
  static final int DEPTH = SearchMode.WINDOW;

  private final Supplier<Embedder> embedder;
  private final ReciprocalRankFusion.Weights weights = ReciprocalRankFusion.DEFAULT;

  VectorSearch(Supplier<Embedder> embedder) {
    this.embedder = embedder;
  }

  /** The mode a request runs in ({@link SearchMode#resolve}). */
  static SearchMode mode(SearchRequest r, IndexView view, CheckedQuery checked) {
    return SearchMode.resolve(r.mode(), view.hasVectors(), checked.matchesAll(),
        "build it with 'newssearch index --rebuild --vectors' (or 'serve --vectors')");
  }

  /** How many nearest articles a semantic request needs: {@link #DEPTH}, or the whole page range. */
  static int depth(SearchRequest r) {
    return SearchMode.SEMANTIC.nearestNeeded(r);
  }

  /**
   * The ranking of a semantic or hybrid request as a query over this searcher's reader.
   *
   * @param text the lexical query (not filtered); @param filters the request's filters
   */
  Ranked rank(SearchMode mode, IndexSearcher searcher, Query text, List<Query> filters, SearchRequest r)
      throws IOException {
    int depth = mode == SearchMode.SEMANTIC ? depth(r) : DEPTH;
    float[] vector = embedder.get().embed(r.query());
    ScoreDoc[] nearest = searcher.search(VectorFields.nearest(vector, depth, filter(filters)), depth).scoreDocs;
    Map<Integer, ModeExplanation.Part> parts = new HashMap<>();
    for (int i = 0; i < nearest.length; i++) {
      parts.computeIfAbsent(nearest[i].doc, d -> new ModeExplanation.Part()).vector(i + 1, nearest[i].score);
    }
    if (mode == SearchMode.SEMANTIC) {
      Map<Integer, Float> scores = new HashMap<>();
      for (ScoreDoc sd : nearest) {
        scores.put(sd.doc, sd.score);
      }
      return new Ranked(mode, new RankedDocsQuery(searcher.getIndexReader(), scores, "nearest"), parts, text, depth);
    }
    ScoreDoc[] lexical = searcher.search(Filters.apply(text, filters), depth).scoreDocs;
    List<Integer> lexicalDocs = new ArrayList<>(), vectorDocs = new ArrayList<>();
    for (int i = 0; i < lexical.length; i++) {
      lexicalDocs.add(lexical[i].doc);
      parts.computeIfAbsent(lexical[i].doc, d -> new ModeExplanation.Part()).lexical(i + 1, lexical[i].score);
    }
    for (ScoreDoc sd : nearest) {
      vectorDocs.add(sd.doc);
    }
    Map<Integer, Float> fused = new HashMap<>();
    for (var f : ReciprocalRankFusion.fuse(lexicalDocs, vectorDocs, weights)) {
      fused.put(f.doc(), (float) f.score());
    }
    RankedDocsQuery candidates = new RankedDocsQuery(searcher.getIndexReader(), fused, "fused");
    // Below every fused score, in BM25 order: the lexical matches past the window.
    double ceiling = candidates.minScore() * 0.99;
    Query rest = new FunctionScoreQuery(text, new SqueezedScores(ceiling));
    return new Ranked(mode, new DisjunctionMaxQuery(List.of(candidates, rest), 0f), parts, text, depth, ceiling)
        .withLexicalHits(lexical.length);
  }

  /** The filters as one query for the kNN search, or null when there are none. */
  private static Query filter(List<Query> filters) {
    if (filters.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    filters.forEach(f -> b.add(f, Occur.FILTER));
    return b.build();
  }

  /** A semantic or hybrid ranking: the query to search, and the parts that explain it. */
  final class Ranked {
    private final SearchMode mode;
    private final Query query;
    private final Map<Integer, ModeExplanation.Part> parts;
    private final Query text;
    private final int depth;
    private final double ceiling;
    /** Lexical hits in the window (hybrid); -1 when no lexical search ran (semantic). */
    private int lexicalHits = -1;

    Ranked(SearchMode mode, Query query, Map<Integer, ModeExplanation.Part> parts, Query text, int depth) {
      this(mode, query, parts, text, depth, 0);
    }

    Ranked(SearchMode mode, Query query, Map<Integer, ModeExplanation.Part> parts, Query text, int depth, double ceiling) {
      this.mode = mode;
      this.query = query;
      this.parts = parts;
      this.text = text;
      this.depth = depth;
      this.ceiling = ceiling;
    }

    Query query() {
      return query;
    }

    Ranked withLexicalHits(int n) {
      lexicalHits = n;
      return this;
    }

    /**
     * Whether the words found too little for a did-you-mean: the kNN side of hybrid always finds
     * something, so what counts is the lexical window (fewer than {@code few} in it is fewer in
     * all). Semantic search has no words to respell.
     */
    boolean fewWordHits(int few) {
      return lexicalHits >= 0 && lexicalHits < few;
    }

    /**
     * Each hit with its lexical and vector parts: rank in each ranking and what it added (for
     * hybrid, weight / (k + rank); the lexical part carries its own BM25 breakdown), and recency's
     * factor when the sort applied one.
     */
    List<Hit> explain(IndexSearcher searcher, ScoreDoc[] page, List<Hit> hits) throws IOException {
      List<Hit> out = new ArrayList<>(hits.size());
      for (int i = 0; i < hits.size(); i++) {
        out.add(hits.get(i).withExplanation(explanation(searcher, page[i].doc, hits.get(i).score())));
      }
      return out;
    }

    private ScoreExplanation explanation(IndexSearcher searcher, int doc, float score) throws IOException {
      ModeExplanation.Part p = parts.getOrDefault(doc, new ModeExplanation.Part());
      if (mode == SearchMode.SEMANTIC) {
        return ModeExplanation.semantic(p, depth).of(score);
      }
      if (p.lexicalRank == 0 && p.vectorRank == 0) {
        var lexical = ScoreBreakdown.summarise(searcher.explain(text, doc), 0);
        double bm25 = lexical.parts().stream().mapToDouble(ScorePart::value).sum();
        return ModeExplanation.pastWindow(ceiling * bm25 / (bm25 + 1),
            String.format(Locale.ROOT, "BM25 %.3f (%s)", bm25, lexical.summary())).of(score);
      }
      String bm25 = p.lexicalRank == 0 ? ""
          : "BM25 " + ScoreBreakdown.summarise(searcher.explain(text, doc), p.bm25).summary();
      return ModeExplanation.fused(p, weights.k(), weights.lexical(), weights.vector(), bm25).of(score);
    }
  }
}

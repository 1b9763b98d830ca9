package io.newssearch.lucene.search;

import io.newssearch.search.RelatedRequest;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.lucene.ArticleDocuments;
import io.newssearch.lucene.IndexView;
import io.newssearch.lucene.Schema;
import io.newssearch.search.SearchResult.Hit;
import io.newssearch.semantic.ReciprocalRankFusion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Related articles with Lucene's MoreLikeThis: the most distinctive words of an article's title,
 * body and tags (tf × idf) become a query over the same fields, restricted to the article's
 * language; the article itself and exact copies of it (same title and body, e.g. a story
 * republished under another id) are dropped.
 *
 * <p>Where the index has vectors and the article one, the {@link Basis} may instead be its nearest
 * articles by meaning ({@link NearestArticles}), or both rankings fused by reciprocal rank;
 * {@link #SHIPPED} is the one measured best ({@code eval-related}, EVALUATION.md).
 */
public final class RelatedArticles {

  /** What makes two articles related. */
  public enum Basis {
    /** The distinctive words they share (MoreLikeThis). */
    WORDS,
    /** The nearness of their vectors (kNN), where both have one; else words. */
    MEANING,
    /** Both rankings fused by reciprocal rank (k = 60, 1:1), where the article has a vector; else words. */
    BOTH
  }

  /** The basis the engine's related articles use. */
  public static final Basis SHIPPED = Basis.WORDS;

  /** Candidates read per round while skipping exact copies. */
  static final int ROUND_EXTRA = 10;
  /** Depth of each ranking fused for {@link Basis#BOTH}. */
  private static final int FUSION_DEPTH = 20;

  private static final String[] FIELDS = {Schema.TITLE, Schema.BODY, Schema.TAGS};
  static final Set<String> COPY_FIELDS = Set.of(Schema.TITLE, Schema.BODY);

  private final LanguageAnalyzers analyzers;
  /** Per-field analyzer for each language analyzer, built once (they hold thread-local state). */
  private final Map<Analyzer, Analyzer> fieldAnalyzers = new ConcurrentHashMap<>();

  private final Basis basis;

  RelatedArticles(LanguageAnalyzers analyzers) {
    this(analyzers, SHIPPED);
  }

  /** With another basis than the shipped one, to measure them against each other. */
  public RelatedArticles(LanguageAnalyzers analyzers, Basis basis) {
    this.analyzers = analyzers;
    this.basis = basis;
  }

  /** The related articles of {@code r.id()}, best first; empty when no article has that id. */
  public Optional<List<Hit>> find(IndexView view, RelatedRequest r) throws IOException {
    IndexSearcher searcher = view.searcher();
    TopDocs self = searcher.search(KeywordField.newExactQuery(Schema.ID, r.id()), 1);
    if (self.scoreDocs.length == 0) {
      return Optional.empty();
    }
    StoredFields stored = searcher.storedFields();
    Article article = ArticleDocuments.fromStored(stored, self.scoreDocs[0].doc);
    Query like = likeQuery(view, article);
    float[] vector = basis == Basis.WORDS || !view.hasVectors() ? null : NearestArticles.vectorOf(searcher, self.scoreDocs[0].doc);
    if (vector != null) {
      return Optional.of(Hits.read(searcher, like, byMeaning(searcher, article, like, vector, r.size())));
    }
    if (like == null) {
      return Optional.of(List.of());
    }
    return Optional.of(Hits.read(searcher, like, byWords(searcher, article, like, r.size()).toArray(ScoreDoc[]::new)));
  }

  /**
   * The nearest by meaning, or (basis BOTH) the nearest and the words' ranking fused, each list
   * {@link #FUSION_DEPTH} deep.
   */
  private ScoreDoc[] byMeaning(IndexSearcher searcher, Article article, Query like, float[] vector, int size)
      throws IOException {
    int depth = basis == Basis.BOTH ? Math.max(size, FUSION_DEPTH) : size;
    List<ScoreDoc> near = NearestArticles.find(searcher, article, vector, depth);
    if (basis == Basis.MEANING) {
      return near.toArray(ScoreDoc[]::new);
    }
    List<ScoreDoc> words = like == null ? List.of() : byWords(searcher, article, like, depth);
    var fused = ReciprocalRankFusion.fuse(words.stream().map(sd -> sd.doc).toList(),
        near.stream().map(sd -> sd.doc).toList(), ReciprocalRankFusion.DEFAULT);
    return fused.stream().limit(size).map(f -> new ScoreDoc(f.doc(), (float) f.score())).toArray(ScoreDoc[]::new);
  }

  /** The MoreLikeThis ranking: same language, not the article, no copies of it. */
  private List<ScoreDoc> byWords(IndexSearcher searcher, Article article, Query like, int size) throws IOException {
    StoredFields stored = searcher.storedFields();
    Query query = new BooleanQuery.Builder()
        .add(like, Occur.MUST)
        .add(KeywordField.newExactQuery(Schema.LANGUAGE, article.language()), Occur.FILTER)
        .add(KeywordField.newExactQuery(Schema.ID, article.id()), Occur.MUST_NOT)
        .build();

    List<ScoreDoc> kept = new ArrayList<>(size);
    ScoreDoc after = null;
    while (kept.size() < size) {
      TopDocs round = searcher.searchAfter(after, query, size + ROUND_EXTRA);
      for (ScoreDoc sd : round.scoreDocs) {
        if (kept.size() < size && !isCopy(stored.document(sd.doc, COPY_FIELDS), article)) {
          kept.add(sd);
        }
      }
      if (round.scoreDocs.length < size + ROUND_EXTRA) {
        break;
      }
      after = round.scoreDocs[round.scoreDocs.length - 1];
    }
    return kept;
  }

  /** The MoreLikeThis query for the article, or null when it has no distinctive words at all. */
  private Query likeQuery(IndexView view, Article a) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(view.reader());
    mlt.setFieldNames(FIELDS);
    // Per field: title and body were analysed with the article language's analyzer, tags as words.
    mlt.setAnalyzer(fieldAnalyzers.computeIfAbsent(analyzers.forLanguage(a.language()), Schema::queryAnalyzer));
    // News stories are short: a word said once may be what the story is about.
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(RelatedRequest.MIN_DOC_FREQ);
    mlt.setMaxQueryTerms(RelatedRequest.MAX_QUERY_TERMS);
    mlt.setBoost(true);
    Map<String, Collection<Object>> fields = Map.of(
        Schema.TITLE, List.of(Objects.requireNonNullElse(a.title(), "")),
        Schema.BODY, List.of(Objects.requireNonNullElse(a.body(), "")),
        Schema.TAGS, List.copyOf(a.tags()));
    Query q = mlt.like(fields);
    if (!(q instanceof BooleanQuery bq) || bq.clauses().isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (BooleanClause c : bq.clauses()) {
      b.add(c);
    }
    b.setMinimumNumberShouldMatch(RelatedRequest.minShared(bq.clauses().size()));
    return b.build();
  }


  static boolean isCopy(Document d, Article a) {
    return Objects.equals(d.get(Schema.TITLE), a.title()) && Objects.equals(d.get(Schema.BODY), a.body());
  }
}

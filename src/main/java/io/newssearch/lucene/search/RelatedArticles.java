package io.newssearch.lucene.search;

import io.newssearch.search.RelatedRequest;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.lucene.ArticleDocuments;
import io.newssearch.lucene.IndexView;
import io.newssearch.lucene.Schema;
import io.newssearch.search.SearchResult.Hit;
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
 */
final class RelatedArticles {

  /** Candidates read per round while skipping exact copies. */
  private static final int ROUND_EXTRA = 10;

  private static final String[] FIELDS = {Schema.TITLE, Schema.BODY, Schema.TAGS};
  private static final Set<String> COPY_FIELDS = Set.of(Schema.TITLE, Schema.BODY);

  private final LanguageAnalyzers analyzers;
  /** Per-field analyzer for each language analyzer, built once (they hold thread-local state). */
  private final Map<Analyzer, Analyzer> fieldAnalyzers = new ConcurrentHashMap<>();

  RelatedArticles(LanguageAnalyzers analyzers) {
    this.analyzers = analyzers;
  }

  Optional<List<Hit>> find(IndexView view, RelatedRequest r) throws IOException {
    IndexSearcher searcher = view.searcher();
    TopDocs self = searcher.search(KeywordField.newExactQuery(Schema.ID, r.id()), 1);
    if (self.scoreDocs.length == 0) {
      return Optional.empty();
    }
    StoredFields stored = searcher.storedFields();
    Article article = ArticleDocuments.fromStored(stored, self.scoreDocs[0].doc);
    Query like = likeQuery(view, article);
    if (like == null) {
      return Optional.of(List.of());
    }
    Query query = new BooleanQuery.Builder()
        .add(like, Occur.MUST)
        .add(KeywordField.newExactQuery(Schema.LANGUAGE, article.language()), Occur.FILTER)
        .add(KeywordField.newExactQuery(Schema.ID, article.id()), Occur.MUST_NOT)
        .build();

    List<ScoreDoc> kept = new ArrayList<>(r.size());
    ScoreDoc after = null;
    while (kept.size() < r.size()) {
      TopDocs round = searcher.searchAfter(after, query, r.size() + ROUND_EXTRA);
      for (ScoreDoc sd : round.scoreDocs) {
        if (kept.size() < r.size() && !isCopy(stored.document(sd.doc, COPY_FIELDS), article)) {
          kept.add(sd);
        }
      }
      if (round.scoreDocs.length < r.size() + ROUND_EXTRA) {
        break;
      }
      after = round.scoreDocs[round.scoreDocs.length - 1];
    }
    return Optional.of(Hits.read(searcher, like, kept.toArray(ScoreDoc[]::new)));
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


  private static boolean isCopy(Document d, Article a) {
    return Objects.equals(d.get(Schema.TITLE), a.title()) && Objects.equals(d.get(Schema.BODY), a.body());
  }
}

package io.newssearch.lucene.search;

import io.newssearch.search.CheckedQuery;
import io.newssearch.search.QueryChecker;
import io.newssearch.search.Respelling;
import io.newssearch.search.Recency;
import io.newssearch.search.IndexStats;
import io.newssearch.search.InvalidRequestException;
import io.newssearch.search.Ranking;
import io.newssearch.search.RelatedRequest;
import io.newssearch.search.RelatedResult;
import io.newssearch.search.ScoreBreakdown;
import io.newssearch.search.SearchLimits;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SearchService;
import io.newssearch.search.SearchMode;
import io.newssearch.search.SortOrder;
import io.newssearch.semantic.Embedder;
import java.util.function.Supplier;
import io.newssearch.search.StoryResult;
import io.newssearch.search.SuggestRequest;
import io.newssearch.search.SuggestResult;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.lucene.ArticleDocuments;
import io.newssearch.lucene.IndexHandle;
import io.newssearch.lucene.IndexView;
import io.newssearch.lucene.Schema;
import io.newssearch.search.SearchResult.Facets;
import io.newssearch.search.SearchResult.Hit;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Search over the embedded Lucene index: query → filters → match count → top hits and facets in
 * one pass (past {@link SearchLimits#exactCounts()} matches: the top hits alone, skipping what
 * cannot reach them, and facets from a {@link MatchSample}) → sideways facet counts → snippets →
 * stored fields → did-you-mean when few matched. Each request
 * holds one {@link IndexView} from acquire to release, so a refresh or rebuild never changes the
 * index under it. Related articles, completions and stats each have a class of their own
 * ({@link RelatedArticles}, {@link CompletionsCache}, {@link IndexStatsReader}); this class only
 * acquires the view and delegates.
 */
public final class LuceneSearchService implements SearchService {

  private final IndexHandle index;
  private final QueryChecker checker;
  private final QueryFactory queries;
  private final QueryGuard guard;
  private final SpellingCorrector spelling;
  private final RelatedArticles related;
  private final CompletionsCache completions = new CompletionsCache();
  /** Null until {@link #keepingAnswers()}: evaluations and benchmarks measure every search's work. */
  private volatile ResultCache answers;

  /**
   * Clauses one search may hold, all its parts together (Lucene's default is 1,024). What a user
   * types is limited by {@link SearchLimits} (64 clauses); an index of many languages searches it
   * once per analyzer, each word in two fields plus a phrase per pair of neighbours, so a 27-word
   * query over the 20 languages of the 1M bench index passed 1,024 and was refused as "too complex".
   * Wildcards stay bounded by their own limit ({@link QueryGuard}).
   */
  static final int MAX_CLAUSES = 8_192;

  static {
    if (IndexSearcher.getMaxClauseCount() < MAX_CLAUSES) {
      IndexSearcher.setMaxClauseCount(MAX_CLAUSES);
    }
  }
  private final VectorSearch vectors;
  private final Similarity similarity;

  public LuceneSearchService(IndexHandle index, LanguageAnalyzers analyzers) {
    this(index, analyzers, SearchLimits.DEFAULTS, Ranking.DEFAULT);
  }

  public LuceneSearchService(IndexHandle index, LanguageAnalyzers analyzers, SearchLimits limits) {
    this(index, analyzers, limits, Ranking.DEFAULT);
  }

  public LuceneSearchService(IndexHandle index, LanguageAnalyzers analyzers, Ranking ranking) {
    this(index, analyzers, SearchLimits.DEFAULTS, ranking);
  }

  public LuceneSearchService(IndexHandle index, LanguageAnalyzers analyzers, SearchLimits limits,
      Ranking ranking) {
    this(index, analyzers, limits, ranking, () -> {
      throw new io.newssearch.semantic.VectorsUnavailableException("this search service was given no embedder");
    });
  }

  /** @param embedder embeds queries of semantic and hybrid searches; asked for only on an index with vectors */
  public LuceneSearchService(IndexHandle index, LanguageAnalyzers analyzers, SearchLimits limits,
      Ranking ranking, Supplier<Embedder> embedder) {
    this.vectors = new VectorSearch(embedder);
    this.index = index;
    this.checker = new QueryChecker(limits);
    this.queries = new QueryFactory(analyzers, limits, ranking);
    this.similarity = FieldSimilarity.of(ranking);
    this.guard = new QueryGuard(limits);
    this.related = new RelatedArticles(analyzers);
    this.spelling = new SpellingCorrector(analyzers);
  }

  /**
   * Keeps the answers of the {@code entries} most recent searches ({@link ResultCache}), as the
   * server does; none when 0. Returns this.
   */
  public LuceneSearchService keepingAnswers(int entries) {
    answers = entries > 0 ? new ResultCache(entries) : null;
    return this;
  }

  @Override
  public SearchResult search(SearchRequest r) throws IOException {
    long start = System.nanoTime();
    try {
      return withView(view -> {
        ResultCache cache = answers;
        Object key = cache == null ? null : ResultCache.key(view.reader(), r);
        SearchResult kept = cache == null ? null : cache.get(key);
        if (kept != null) {
          return kept.withTook((System.nanoTime() - start) / 1_000_000);
        }
        SearchResult answer = search(view, r, start);
        if (cache != null) {
          cache.put(key, answer);
        }
        return answer;
      });
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidRequestException("query_too_complex", "the query expands to more than "
          + IndexSearcher.getMaxClauseCount() + " terms; use fewer wildcards or longer prefixes");
    }
  }

  private SearchResult search(IndexView view, SearchRequest r, long start) throws IOException {
    CheckedQuery checked = checker.check(r.query(), r.strict(), r.matchAll());
    Set<String> languages = r.languages().isEmpty() ? view.languages() : new LinkedHashSet<>(r.languages());
    List<Query> filters = Filters.of(r, null);
    // Checks the wildcards' expansions too, before feedback's first search.
    TextQuery parsed = queries.textQuery(checked, languages, view.searcher(), filters, r.sort() != SortOrder.DATE);
    Query text = parsed.query();
    PreparedView prepared = PreparedView.of(view, WholeIndex.matches(text, filters));
    IndexSearcher searcher = timed(view, System.nanoTime());
    SearchMode mode = VectorSearch.mode(r, view, checked);
    // Semantic and hybrid rank before the search; the search then runs their ranking like any query.
    VectorSearch.Ranked ranked = mode == SearchMode.LEXICAL ? null : vectors.rank(mode, searcher, text, filters, r);
    Query relevance = ranked == null ? text : ranked.query();
    Query scored = r.sort() == SortOrder.RECENCY ? QueryFactory.withRecency(relevance, Recency.of(r)) : relevance;
    Query main = Filters.apply(scored, filters);
    // Browsing everything: the counts are the view's, computed once; only the page is ranked.
    WholeIndex whole = ranked == null ? prepared.whole() : null;

    int exact = guard.limits().exactCounts();
    // Ranked as the query and its rescoring rank, the page may lie among the first search's articles.
    FirstSearch first = ranked == null && r.sort() == SortOrder.RELEVANCE ? parsed.first() : null;
    PageOfHits p = r.collapse() ? PageOfHits.collapsed(view, searcher, main, r, whole, exact, first)
        : PageOfHits.flat(view, searcher, main, r, whole, exact);
    // Snippets, sources and explanations of one page are bounded work: done without the time budget,
    // scored as the search was.
    IndexSearcher untimed = FieldSimilarity.apply(new IndexSearcher(view.reader()), similarity);
    List<Hit> hits = Hits.read(untimed, ranked == null ? parsed::wordsOf : language -> text, p.docs());
    if (r.collapse()) {
      hits = StorySources.attach(untimed, main, hits, p.heads());
    }
    if (r.explain()) {
      hits = ranked == null ? explained(untimed, scored, p.docs(), hits) : ranked.explain(untimed, p.docs(), hits);
    }
    Facets facets = r.facets().isEmpty() ? Facets.NONE
        : whole != null ? whole.facets().only(r.facets())
        : p.sample() == null ? SearchFacets.count(view, searcher, r, scored, p.matching())
        : SearchFacets.estimate(view, searcher, r, scored, p.matching(), p.sample());
    boolean few = ranked == null ? p.total() < Respelling.FEW_HITS : ranked.fewWordHits(Respelling.FEW_HITS);
    String suggestion = few ? spelling.correct(view.reader(), languages, r.query()) : null;
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    return new SearchResult(p.total(), tookMs, searcher.timedOut(), r.cursor() == null ? r.page() : 0, r.size(),
        p.next(), hits, facets, suggestion, r.interpreted(), r.collapse() ? "story" : "none", p.articles(),
        r.facets().isEmpty() ? null : p.sample() != null ? SearchResult.FACETS_SAMPLED : SearchResult.FACETS_COUNT,
        mode.label(),
        p.totalExact() ? SearchResult.TOTAL_EXACT : SearchResult.TOTAL_ESTIMATED);
  }

  /** Each hit with its score explained; the filters score nothing, so the scored query suffices. */
  private static List<Hit> explained(IndexSearcher searcher, Query scored, ScoreDoc[] page, List<Hit> hits)
      throws IOException {
    List<Hit> out = new java.util.ArrayList<>(hits.size());
    for (int i = 0; i < hits.size(); i++) {
      out.add(hits.get(i).withExplanation(
          ScoreBreakdown.summarise(searcher.explain(scored, page[i].doc), hits.get(i).score())));
    }
    return out;
  }

  /**
   * A searcher of this request alone over the view's reader, with the time budget counted from the
   * request's start: when it runs out, collection stops and the search answers with what it has.
   * The view's own searcher is shared by concurrent requests, so it cannot carry a deadline.
   */
  private IndexSearcher timed(IndexView view, long start) {
    IndexSearcher searcher = FieldSimilarity.apply(new IndexSearcher(view.reader()), similarity);
    long deadline = start + guard.limits().timeBudget().toNanos();
    searcher.setTimeout(() -> System.nanoTime() - deadline >= 0);
    return searcher;
  }

  /** Work on one view of the index, acquired and released around it. */
  @FunctionalInterface
  private interface ViewWork<T> {
    T on(IndexView view) throws IOException;
  }

  private <T> T withView(ViewWork<T> work) throws IOException {
    IndexView view = index.acquire();
    try {
      return work.on(view);
    } finally {
      index.release(view);
    }
  }

  @Override
  public Optional<Article> article(String id) throws IOException {
    return withView(view -> {
      TopDocs top = view.searcher().search(KeywordField.newExactQuery(Schema.ID, id), 1);
      return top.scoreDocs.length == 0 ? Optional.empty()
          : Optional.of(ArticleDocuments.fromStored(view.searcher().storedFields(), top.scoreDocs[0].doc));
    });
  }

  @Override
  public long count() throws IOException {
    return withView(view -> (long) view.reader().numDocs());
  }

  @Override
  public Optional<RelatedResult> related(RelatedRequest r) throws IOException {
    long start = System.nanoTime();
    return withView(view -> related.find(view, r)
        .map(hits -> new RelatedResult(r.id(), (System.nanoTime() - start) / 1_000_000, hits)));
  }

  @Override
  public Optional<StoryResult> story(String id) throws IOException {
    return withView(view -> StoryVersions.read(view, id));
  }

  @Override
  public SuggestResult suggest(SuggestRequest r) throws IOException {
    return withView(view -> new SuggestResult(completions.lookup(view, r)));
  }

  @Override
  public IndexStats stats() throws IOException {
    return withView(view -> IndexStatsReader.read(view, index.layout()));
  }

  /** Corrupt generations found by the serving check (written down beside the index, so any server sees them). */
  @Override
  public java.util.List<String> warnings() throws IOException {
    return io.newssearch.lucene.CorruptGenerations.warnings(index.layout());
  }

  @Override
  public void close() throws IOException {
    try (index) {
      completions.close();
    }
  }
}

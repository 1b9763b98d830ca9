package io.newssearch.solr;

import io.newssearch.search.CheckedQuery;
import io.newssearch.search.QueryChecker;
import io.newssearch.search.Respelling;
import io.newssearch.search.DateHistogramPlan;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.search.IndexStats;
import io.newssearch.search.InvalidRequestException;
import io.newssearch.search.RelatedRequest;
import io.newssearch.search.RelatedResult;
import io.newssearch.search.SearchLimits;
import io.newssearch.search.SearchMode;
import io.newssearch.search.Facet;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SearchResult.DateHistogram;
import io.newssearch.search.SearchResult.Hit;
import io.newssearch.search.SearchService;
import io.newssearch.search.StoryResult;
import io.newssearch.search.SuggestRequest;
import io.newssearch.search.SuggestResult;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.util.NamedList;

/**
 * Search over a SolrCloud collection, in our own records: the same {@link SearchRequest} in, the
 * same {@link SearchResult} out as the embedded backend. The query text is checked by the
 * contract's {@link QueryChecker} (limits, strict syntax), as on the embedded index, so both refuse the same queries;
 * Solr then parses it with edismax ({@link SolrQueries}), highlights, facets ({@link SolrFacets}),
 * collapses by story and pages by cursor. Related articles, completions, stories and stats each
 * have a class of their own; this class only asks and reads.
 */
public final class SolrSearchService implements SearchService {

  private final SolrCloudClient client;
  private final SolrCollections collections;
  private final QueryChecker checker;
  private final SearchLimits limits;
  private final SolrCollectionFacts facts;
  private final SolrRelated related;
  private final SolrSuggest suggest;
  private final SolrVectors vectors;
  private final SolrVectorSearch vectorSearch;
  private final SolrSubwords subwords;

  SolrSearchService(SolrCloudClient client, SolrCollections collections, SolrVectors vectors,
      LanguageAnalyzers analyzers, SearchLimits limits) {
    this.client = client;
    this.vectors = vectors;
    this.vectorSearch = new SolrVectorSearch(client, vectors);
    this.collections = collections;
    this.checker = new QueryChecker(limits);
    this.limits = limits;
    this.facts = new SolrCollectionFacts(client, collections);
    this.related = new SolrRelated(client, analyzers);
    this.suggest = new SolrSuggest(client);
    this.subwords = new SolrSubwords(client, analyzers.forKey(LanguageAnalyzers.FALLBACK_KEY));
  }

  /** Languages and date span of the collection: told by the store after a write. */
  SolrCollectionFacts facts() {
    return facts;
  }

  @Override
  public SearchResult search(SearchRequest r) throws IOException {
    long start = System.nanoTime();
    Optional<String> live = collections.live();
    SolrCollectionFacts.Facts known = facts.get();
    Set<String> langs = r.languages().isEmpty() ? known.languages() : new LinkedHashSet<>(r.languages());
    CheckedQuery checked = checker.check(r.query(), r.strict(), r.matchAll());
    String text = checked.text();
    SearchMode mode = SearchMode.resolve(r.mode(), live.map(vectors::present).orElse(false), checked.matchesAll(),
        SolrVectorSearch.HOW_TO_ENABLE);
    if (live.isEmpty()) {
      return empty(r, start);
    }
    String collection = live.get();

    SolrQuery q = new SolrQuery();
    String lexical = SolrQueries.textQuery(q, text, r.matchAll(), checked.exclusionsOnly(), langs);
    if (mode != SearchMode.SEMANTIC) { // semantic ranks by the vectors alone
      lexical = subwords.apply(q, lexical, checked, r, collection, c -> {
        c.set("timeAllowed", (int) Math.min(Integer.MAX_VALUE, limits.timeBudget().toMillis()));
        return query(collection, c, r);
      });
    }
    SolrVectorSearch.Ranked ranked = mode == SearchMode.LEXICAL ? null
        : vectorSearch.rank(mode, collection, r, lexical, q.getCopy());
    SolrQueries.search(q, r, ranked == null ? lexical : ranked.apply(q));
    q.setFields(SolrHits.FIELDS);
    SolrQueries.highlight(q, langs);
    q.set("json.facet", SolrFacets.request(r, known));
    q.set("timeAllowed", (int) Math.min(Integer.MAX_VALUE, limits.timeBudget().toMillis()));
    if (r.collapse()) {
      q.set("expand", true);
      q.set("expand.rows", SearchResult.Hit.MAX_LISTED_SOURCES);
      q.set("expand.sort", SolrFields.PUBLISHED + " asc," + SolrFields.ID + " asc");
    }
    if (r.explain() && ranked == null) {
      q.set("debug", "results");
      q.set("debug.explain.structured", true);
    }
    long seen = page(q, r, collection);
    QueryResponse resp = query(collection, q, r);
    if (resp.getResults() == null) {
      // A node that is stopping can answer a search without its result list (SolrFaultToleranceTest,
      // now and then): asked once more, the load balancer sends it to the next node. Only a search
      // is asked again, since it always has a result list (other requests, such as terms lookups,
      // rightly have none).
      resp = query(collection, q, r);
    }

    SolrDocumentList docs = resp.getResults();
    if (docs == null) {
      // Twice in a row: the caller gets a 503 to retry, not a NullPointerException's 500.
      throw new io.newssearch.search.BackendUnavailableException(
          "SolrCloud answered a search of " + collection + " without its results (a node stopping?)", null);
    }
    NamedList<?> facets = (NamedList<?>) resp.getResponse().get("facets");
    List<Hit> hits = SolrHits.read(docs, resp.getHighlighting(), r.collapse() ? resp.getExpandedResults() : null,
        r.explain() && ranked == null ? explanations(resp) : null, r);
    if (r.explain() && ranked != null) {
      hits = hits.stream().map(h -> h.withExplanation(ranked.explain(SolrDocuments.key(h.story(), h.id()), h.score())))
          .toList();
    }
    long total = docs.getNumFound();
    String next = null;
    if (hits.size() == r.size() && seen + hits.size() < total && resp.getNextCursorMark() != null) {
      next = new SolrCursor(r.sort(), resp.getNextCursorMark(), seen + hits.size()).encode();
    }
    DateHistogram histogram = null;
    if (r.facets().contains(Facet.DATE)) {
      DateHistogramPlan plan = SolrFacets.plan(facets);
      histogram = plan == null ? DateHistogramPlan.EMPTY : SolrFacets.fromMonths(plan, facets);
      if (histogram == null) { // days, or dates beyond the span the months were counted in
        histogram = histogram(q, collection, plan, r);
      }
    }
    boolean fewWordHits = ranked == null ? total < Respelling.FEW_HITS : ranked.fewWordHits(Respelling.FEW_HITS);
    String suggestion = fewWordHits ? suggest.correct(collection, r.query()) : null;
    boolean timedOut = Boolean.TRUE.equals(resp.getHeader().get("partialResults"));
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    return new SearchResult(total, tookMs, timedOut, r.cursor() == null ? r.page() : 0, r.size(), next, hits,
        SolrFacets.read(facets, r, histogram), suggestion, r.interpreted(), r.collapse() ? "story" : "none",
        r.collapse() ? SolrFacets.articles(facets) : total, r.facets().isEmpty() ? null : SearchResult.FACETS_COUNT,
        mode.label(),
        SearchResult.TOTAL_EXACT);
  }

  /**
   * Sets rows and the cursor mark; returns how many hits come before this page. A page after the
   * first without a cursor first walks to its start with a light request (keys only), so its
   * response carries the cursor to the next page, as the embedded backend's does.
   */
  private long page(SolrQuery q, SearchRequest r, String collection) throws IOException {
    q.setRows(r.size());
    if (r.cursor() != null) {
      SolrCursor c = SolrCursor.decode(r.cursor(), r.sort());
      q.set(CursorMarkParams.CURSOR_MARK_PARAM, c.mark());
      return c.seen();
    }
    int offset = (r.page() - 1) * r.size();
    String mark = CursorMarkParams.CURSOR_MARK_START;
    if (offset > 0) {
      SolrQuery walk = q.getCopy();
      for (String p : List.of("hl", "json.facet", "expand", "debug")) {
        walk.remove(p);
      }
      walk.setFields(SolrFields.KEY);
      walk.setRows(offset);
      walk.set(CursorMarkParams.CURSOR_MARK_PARAM, mark);
      mark = query(collection, walk, r).getNextCursorMark();
    }
    q.set(CursorMarkParams.CURSOR_MARK_PARAM, mark);
    return offset;
  }

  /**
   * The date histogram by a second, light request over the same match set (the search's own
   * parameters, so a semantic or hybrid search counts its own matches), counting exactly the
   * buckets the plan asks for.
   */
  private DateHistogram histogram(SolrQuery search, String collection, DateHistogramPlan plan, SearchRequest r)
      throws IOException {
    SolrQuery q = search.getCopy();
    for (String p : List.of("hl", "hl.q", "expand", "debug", CursorMarkParams.CURSOR_MARK_PARAM)) {
      q.remove(p);
    }
    q.setRows(0);
    q.set("distrib.statsCache", false);
    q.set("json.facet", SolrFacets.histogramRequest(plan));
    q.set("sort", (String) null);
    return SolrFacets.histogram(plan, (NamedList<?>) query(collection, q, r).getResponse().get("facets"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> explanations(QueryResponse resp) {
    Object explain = resp.getDebugMap() == null ? null : resp.getDebugMap().get("explain");
    if (explain instanceof NamedList<?> nl) {
      return (Map<String, Object>) nl.asShallowMap();
    }
    return explain instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** A search's request to Solr; a 400 Solr gives is the request's fault and says so. */
  private QueryResponse query(String collection, SolrQuery q, SearchRequest r) throws IOException {
    try {
      return SolrRequests.query(client, collection, q);
    } catch (IOException e) {
      if (SolrRequests.status(e) == 400) {
        if (r.cursor() != null && String.valueOf(e.getMessage()).contains("ursor")) {
          throw new InvalidRequestException("bad_cursor", "parameter 'cursor': not a cursor this service issued");
        }
        if (String.valueOf(e.getMessage()).contains("too many boolean clauses")
            || String.valueOf(e.getMessage()).contains("maxClauseCount")) {
          throw new InvalidRequestException("query_too_complex", "the query expands to too many terms; "
              + "use fewer wildcards or longer prefixes");
        }
        throw new InvalidRequestException("query_syntax", "SolrCloud cannot run this query: " + solrMessage(e));
      }
      throw e;
    }
  }

  private static String solrMessage(IOException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof org.apache.solr.common.SolrException se) {
        return se.getMessage();
      }
    }
    return e.getMessage();
  }

  private static SearchResult empty(SearchRequest r, long start) {
    var none = new SearchResult.Facets(List.of(), List.of(), List.of(), DateHistogramPlan.EMPTY, List.of(),
        List.of(), List.of());
    return new SearchResult(0, (System.nanoTime() - start) / 1_000_000, false, r.cursor() == null ? r.page() : 0,
        r.size(), null, List.of(), none, null, r.interpreted(), r.collapse() ? "story" : "none", 0,
        SearchResult.FACETS_COUNT, SearchMode.LEXICAL.label(), SearchResult.TOTAL_EXACT);
  }

  @Override
  public Optional<Article> article(String id) throws IOException {
    Optional<String> live = collections.live();
    if (live.isEmpty()) {
      return Optional.empty();
    }
    SolrQuery q = SolrQueries.unscored("*:*").addFilterQuery(SolrQueries.term(SolrFields.ID, id)).setFields("*").setRows(1);
    SolrDocumentList docs = SolrRequests.query(client, live.get(), q).getResults();
    return docs.isEmpty() ? Optional.empty() : Optional.of(SolrDocuments.article(docs.get(0)));
  }

  @Override
  public long count() throws IOException {
    Optional<String> live = collections.live();
    if (live.isEmpty()) {
      return 0;
    }
    return SolrRequests.query(client, live.get(), SolrQueries.unscored("*:*").setRows(0)).getResults().getNumFound();
  }

  @Override
  public Optional<RelatedResult> related(RelatedRequest r) throws IOException {
    long start = System.nanoTime();
    Optional<Article> article = article(r.id());
    if (article.isEmpty()) {
      return Optional.empty();
    }
    List<Hit> hits = related.find(collections.live().orElseThrow(), article.get(), r.size());
    return Optional.of(new RelatedResult(r.id(), (System.nanoTime() - start) / 1_000_000, hits));
  }

  @Override
  public Optional<StoryResult> story(String id) throws IOException {
    Optional<String> live = collections.live();
    return live.isEmpty() ? Optional.empty() : SolrStories.read(client, live.get(), id);
  }

  @Override
  public SuggestResult suggest(SuggestRequest r) throws IOException {
    Optional<String> live = collections.live();
    return live.isEmpty() ? new SuggestResult(List.of()) : new SuggestResult(suggest.complete(live.get(), r));
  }

  @Override
  public IndexStats stats() throws IOException {
    return SolrStats.read(client, collections);
  }

  @Override
  public void close() {
    // the client belongs to the engine, which closes it
  }
}

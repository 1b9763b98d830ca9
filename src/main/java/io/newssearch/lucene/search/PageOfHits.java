package io.newssearch.lucene.search;

import io.newssearch.lucene.IndexView;
import io.newssearch.search.SearchLimits;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SortOrder;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsCollectorManager.FacetsResult;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;

/**
 * One page of hits of a search, flat or one per story, with the counts that go with it, and how it
 * is found: {@link #flat} and {@link #collapsed}. {@code matching} is null when the counts are the
 * whole view's, {@code heads} when the hits are not collapsed, and {@code sample} when the counts
 * were estimated from a sample of the matches ({@code matching} then holds the sampled ones).
 */
record PageOfHits(ScoreDoc[] docs, long total, long articles, FacetsCollector matching,
    String next, List<TopStories.Head> heads, MatchSample sample, boolean totalExact) {

  /**
   * Facets are counted over a sample of about this many matching articles when more match: their
   * cost is per value of every counted article (an article names many people, places and
   * organisations), so it is bounded by the sample's size. Past {@link SearchLimits#exactCounts()}
   * matching articles, the search walks the matches once without scores, to count them and draw
   * the sample ({@link SampledMatches}); the page is found with block-max WAND (documents that
   * cannot enter it are skipped), and the story count is estimated from the sample.
   */
  static final int SAMPLE = 2_000;

  /** Every matching article in sort order: top hits and facets in one pass, search-after for cursors. */
  static PageOfHits flat(IndexView view, IndexSearcher searcher, Query main, SearchRequest r,
      WholeIndex whole, int exact) throws IOException {
    Sort sort = SearchSorts.of(r.sort());
    int offset = r.cursor() == null ? (r.page() - 1) * r.size() : 0;
    int want = offset + r.size();
    FieldDoc after = r.cursor() == null ? null : Cursor.decode(r.cursor(), r.sort(), view.reader().maxDoc());
    TopDocs top;
    FacetsCollector matching = null;
    MatchSample sample = null;
    long total;
    SampledMatches sampled = whole == null ? broad(searcher, main, exact, false) : null;
    if (whole == null && (sampled == null || !sampled.sampled())) {
      FacetsResult result = after == null
          ? FacetsCollectorManager.search(searcher, main, want, sort, true, new FacetsCollectorManager())
          : FacetsCollectorManager.searchAfter(searcher, after, main, want, sort, true, new FacetsCollectorManager());
      matching = result.facetsCollector();
      top = result.topDocs();
      total = MatchCount.of(matching);
      if (total > SAMPLE) {
        sample = MatchSample.about(total, SAMPLE);
        matching = sample.of(matching);
      }
    } else {
      // The count comes from the index or the sample: the page alone is searched, skipping freely.
      top = searcher.search(main, new TopFieldCollectorManager(sort, want, after, want));
      TopFieldCollector.populateScores(top.scoreDocs, searcher, main); // hits show a score in every sort
      if (whole != null) {
        total = whole.articles();
      } else {
        sample = sampled.sample();
        matching = sampled.matching();
        total = sampled.articles();
      }
    }
    ScoreDoc[] page = top.scoreDocs.length <= offset ? new ScoreDoc[0]
        : Arrays.copyOfRange(top.scoreDocs, offset, top.scoreDocs.length);
    String next = null;
    if (page.length == r.size() && (r.cursor() != null || offset + page.length < total)) {
      next = Cursor.encode(r.sort(), (FieldDoc) page[page.length - 1]);
    }
    return new PageOfHits(page, total, total, matching, next, null, sample, true);
  }

  /**
   * One hit per story ({@link TopStories}): the top stories' best versions in sort order, found in
   * the same pass that counts the stories and records the matches for the facets; paged by offset
   * or by the cursor's sort values ({@link AfterCursor}), so a cursor walks every story exactly
   * once. Facets count articles, as without collapsing.
   *
   * @param first the first search of a ranking by relevance that rescores its top articles, or null:
   *     the page is looked for among its few articles first ({@link #amongFirst}); when it is found
   *     there, no pass scores every match
   */
  static PageOfHits collapsed(IndexView view, IndexSearcher searcher, Query main, SearchRequest r,
      WholeIndex whole, int exact, FirstSearch first) throws IOException {
    AfterCursor after = r.cursor() == null ? null : AfterCursor.find(searcher, main,
        Cursor.decode(r.cursor(), r.sort(), view.reader().maxDoc()), r.sort());
    int offset = r.cursor() == null ? (r.page() - 1) * r.size() : 0;
    // One story more than the page, to know whether another page follows.
    int n = offset + r.size() + 1;
    TopStories.Result top;
    FacetsCollector matching = null;
    MatchSample sample = null;
    long articles;
    long stories;
    boolean exactCounts = true;
    SampledMatches sampled = whole == null ? broad(searcher, main, exact, true) : null;
    TopStories.Result amongFirst = first == null || after != null || whole != null ? null
        : amongFirst(searcher, main, r, n, first);
    if (whole == null && (sampled == null || !sampled.sampled())) {
      if (amongFirst != null) {
        // The page is known: the matches are walked without scores (unless that was done), to count and facet them.
        top = amongFirst;
        matching = sampled != null ? sampled.matching() : searcher.search(main, new FacetsCollectorManager());
        stories = StoryShare.count(matching);
      } else {
        Object[] both = searcher.search(main, new MultiCollectorManager(
            TopStories.manager(r.sort(), n, true, after), new FacetsCollectorManager()));
        top = (TopStories.Result) both[0];
        matching = (FacetsCollector) both[1];
        stories = top.stories();
      }
      articles = MatchCount.of(matching);
      if (articles > SAMPLE) {
        sample = MatchSample.about(articles, SAMPLE);
        matching = sample.of(matching);
      }
    } else {
      top = amongFirst;
      if (top == null && whole != null && r.sort() == SortOrder.RELEVANCE && after == null) {
        top = browsedByRelevance(searcher, main, n);
      }
      if (top == null) {
        top = searcher.search(main, TopStories.manager(r.sort(), n, false, after));
      }
      if (whole != null) {
        articles = whole.articles();
        stories = whole.stories();
      } else {
        sample = sampled.sample();
        matching = sampled.matching();
        exactCounts = false;
        articles = sampled.articles();
        stories = Math.max(top.heads().size(), Math.round(articles * sampled.storyShare()));
      }
    }
    List<TopStories.Head> heads = top.heads();
    List<TopStories.Head> page = heads.subList(Math.min(offset, heads.size()), Math.min(offset + r.size(), heads.size()));
    ScoreDoc[] docs = new ScoreDoc[page.size()];
    for (int i = 0; i < page.size(); i++) {
      docs[i] = page.get(i).fieldDoc(r.sort());
    }
    if (r.sort() == SortOrder.DATE) {
      TopFieldCollector.populateScores(docs, searcher, main); // collected without scores
    }
    String next = heads.size() > offset + r.size() ? Cursor.encode(r.sort(), (FieldDoc) docs[docs.length - 1]) : null;
    return new PageOfHits(docs, stories, articles, matching, next, List.copyOf(page), sample, exactCounts);
  }

  /**
   * The top {@code n} stories found among the first search's articles, or null when they may not
   * be the page: the page's stories must all be scored above the first search's line (no other
   * match scores above it, so none can come between them), and there must be a story after them
   * to tell whether a next page follows, unless the first search holds every match. Those few
   * articles are ranked by the full query instead of every match.
   */
  static TopStories.Result amongFirst(IndexSearcher searcher, Query main, SearchRequest r, int n,
      FirstSearch first) throws IOException {
    Query only = first.among(searcher.getIndexReader(), main);
    TopStories.Result top = searcher.search(only, TopStories.manager(r.sort(), n, false, null));
    if (first.complete()) {
      return top;
    }
    List<TopStories.Head> heads = top.heads();
    return heads.size() == n && heads.get(n - 2).score() > first.line() ? top : null;
  }

  /**
   * The top {@code n} stories of every article by relevance: every article scores the same, so
   * they are taken in id order ({@link TopStories#inIdOrder}) with the score the query gives.
   */
  private static TopStories.Result browsedByRelevance(IndexSearcher searcher, Query everything, int n)
      throws IOException {
    ScoreDoc[] one = searcher.search(everything, 1).scoreDocs;
    return one.length == 0 ? new TopStories.Result(List.of(), -1)
        : TopStories.inIdOrder(searcher.getIndexReader(), n, one[0].score);
  }

  /**
   * The matches of a search that may match more than {@code exact} articles, walked without scores
   * and sampled when they are more ({@link SampledMatches}); null when its cost says it cannot.
   */
  private static SampledMatches broad(IndexSearcher searcher, Query main, int exact, boolean stories)
      throws IOException {
    long bound = MatchCount.bound(searcher, main);
    return bound <= exact ? null : SampledMatches.of(searcher, main, exact, stories);
  }
}

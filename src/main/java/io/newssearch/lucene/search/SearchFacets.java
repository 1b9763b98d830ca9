package io.newssearch.lucene.search;

import io.newssearch.lucene.IndexView;
import io.newssearch.lucene.Schema;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult.Facets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * The facet counts of a search, from the matching articles the main pass recorded (a
 * {@link FacetsCollector} beside the top hits, so the match set is walked once) and Lucene's facet
 * module over doc values. A dimension with an active filter is counted drill-sideways — with every
 * filter but its own, in a pass of its own — so its other values stay visible; only those cost an
 * extra pass.
 *
 * <p>Past {@link #SAMPLE} matching articles, the many-valued dimensions (tags, person, org, place:
 * each article has several, among tens of thousands of values) are counted over a uniform sample of
 * that many matches (every k-th, so a request always gets the same counts) and scaled to the match set: at a million articles they were 44% of a broad search's
 * CPU. Language, source and the date histogram stay exact; the response says which
 * ({@code facets_count}).
 */
final class SearchFacets {

  /** Matching articles counted exactly for every dimension; past this, a sample of this many. */
  static final int SAMPLE = 10_000;

  private SearchFacets() {}

  /** Whether the many-valued dimensions of these matches are counted over a sample. */
  static boolean sampled(FacetsCollector matching) {
    return matching != null && total(matching) > SAMPLE;
  }

  private static long total(FacetsCollector matching) {
    long total = 0;
    for (MatchingDocs md : matching.getMatchingDocs()) {
      total += md.totalHits();
    }
    return total;
  }

  /**
   * About one match in k (k = matches / SAMPLE), chosen by a hash of the document number: uniform
   * whatever the order articles were indexed in (every k-th would follow any period in that order),
   * and repeatable, so a page and its reload show the same estimates.
   */
  private static FacetsCollector sample(FacetsCollector matching, long total) throws IOException {
    long step = (total + SAMPLE - 1) / SAMPLE;
    List<MatchingDocs> sampled = new ArrayList<>();
    for (MatchingDocs md : matching.getMatchingDocs()) {
      int base = md.context().docBase;
      int maxDoc = md.context().reader().maxDoc();
      FixedBitSet bits = new FixedBitSet(maxDoc);
      int kept = 0;
      DocIdSetIterator it = md.bits() == null ? null : md.bits().iterator();
      if (it != null) {
        for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
          if (Long.remainderUnsigned(mix(base + d), step) == 0) {
            bits.set(d);
            kept++;
          }
        }
      }
      sampled.add(new MatchingDocs(md.context(), new BitDocIdSet(bits, kept), kept, null));
    }
    return new FacetsCollector() {
      @Override
      public List<MatchingDocs> getMatchingDocs() {
        return sampled;
      }
    };
  }

  /** SplitMix64's finaliser: neighbouring numbers give unrelated bits. */
  private static long mix(long x) {
    x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
    x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
    return x ^ (x >>> 31);
  }

  private static long counted(FacetsCollector sample) {
    return total(sample);
  }

  /** The facets of a search: past {@link #SAMPLE} matches, many-valued dimensions are estimated. */
  static Facets count(IndexView view, IndexSearcher searcher, SearchRequest r, Query scored,
      FacetsCollector matching) throws IOException {
    return count(view, searcher, r, scored, matching, true);
  }

  /** Every count exact, however many match: for counts made once per view ({@link WholeIndex}). */
  static Facets countExactly(IndexView view, IndexSearcher searcher, SearchRequest r, Query scored,
      FacetsCollector matching) throws IOException {
    return count(view, searcher, r, scored, matching, false);
  }

  private static Facets count(IndexView view, IndexSearcher searcher, SearchRequest r, Query scored,
      FacetsCollector matching, boolean maySample) throws IOException {
    FacetsCollector all = matching;
    long total = total(matching);
    boolean sample = maySample && total > SAMPLE;
    FacetsCollector counted = sample ? sample(matching, total) : matching;
    double scale = sample ? (double) total / counted(counted) : 1.0;
    return new Facets(
        FacetCounter.count(view, Schema.LANGUAGE, sideways(searcher, r, scored, all, Filters.Dim.LANGUAGE),
            r.languages(), 1.0),
        FacetCounter.count(view, Schema.TAGS_KEYWORD, counted, r.tags(), scale),
        FacetCounter.count(view, Schema.SOURCE_KEYWORD, sideways(searcher, r, scored, all, Filters.Dim.SOURCE),
            r.sources(), 1.0),
        DateHistogramBuilder.build(view.reader(), sideways(searcher, r, scored, all, Filters.Dim.DATE)),
        FacetCounter.count(view, Schema.PERSON, counted, r.persons(), scale),
        FacetCounter.count(view, Schema.ORG, counted, r.orgs(), scale),
        FacetCounter.count(view, Schema.PLACE, counted, r.places(), scale));
  }

  private static FacetsCollector sideways(IndexSearcher searcher, SearchRequest r, Query scored,
      FacetsCollector matching, Filters.Dim dim) throws IOException {
    if (!Filters.active(r, dim)) {
      return matching;
    }
    return searcher.search(Filters.apply(scored, Filters.of(r, dim)), new FacetsCollectorManager());
  }
}

package io.newssearch.lucene.search;

import java.io.IOException;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * What a broad search matches: the exact number of articles, and a {@link MatchSample} of them for
 * the facets and the share of distinct stories. The matches are walked once, without scores (a
 * bit per match: the cost of counting them), and the sample is drawn from those bits, so neither
 * the facets nor the stories cost more than the sample's size.
 *
 * @param storyShare distinct stories per article in the sample; 1 when stories were not asked for
 */
record SampledMatches(MatchSample sample, FacetsCollector matching, long articles, double storyShare) {

  /**
   * @param exact the count up to which matches are counted and faceted exactly, with their scores
   * @param stories whether to estimate the share of distinct stories
   * @return the sampled matches; when no more than {@code exact} match, every match, unsampled
   *     ({@link #sampled()} false): a search whose page is known counts and facets them as they are
   */
  static SampledMatches of(IndexSearcher searcher, Query main, int exact, boolean stories)
      throws IOException {
    FacetsCollector all = searcher.search(main, new FacetsCollectorManager());
    long articles = MatchCount.of(all);
    if (articles <= exact) {
      return new SampledMatches(null, all, articles, 1);
    }
    MatchSample sample = MatchSample.about(articles, PageOfHits.SAMPLE);
    FacetsCollector sampled = sample.of(all);
    return new SampledMatches(sample, sampled, articles, stories ? StoryShare.of(sampled) : 1);
  }

  /** Whether the matches were more than the exact count, and {@link #matching()} is a sample of them. */
  boolean sampled() {
    return sample != null;
  }
}

package io.newssearch.lucene.search;

import java.io.IOException;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.internal.hppc.LongHashSet;
import io.newssearch.search.SortOrder;

/**
 * The share of distinct stories among a sample of matching articles: how many stories a match set
 * too large to walk holds is estimated as its article count times this share. An estimate that
 * errs high by up to the share of copies among the matches, since a story whose versions are not
 * all sampled is counted once per sampled version. Over every match, the same walk counts the
 * stories exactly ({@link #count}).
 */
final class StoryShare {

  private StoryShare() {}

  /** Distinct stories per article among {@code sampled}; an article without a story is one of its own. */
  static double of(FacetsCollector sampled) throws IOException {
    long[] counts = walk(sampled);
    return counts[0] == 0 ? 1.0 : counts[1] / (double) counts[0];
  }

  /** Distinct stories among {@code matching}, every match recorded. */
  static long count(FacetsCollector matching) throws IOException {
    return walk(matching)[1];
  }

  /** Articles and distinct stories among the recorded matches. */
  private static long[] walk(FacetsCollector matches) throws IOException {
    LongHashSet seen = new LongHashSet();
    long articles = 0;
    for (MatchingDocs md : matches.getMatchingDocs()) {
      if (md.bits() == null) {
        continue;
      }
      RankReader rank = new RankReader(md.context(), SortOrder.RELEVANCE);
      DocIdSetIterator it = md.bits().iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        articles++;
        seen.add(rank.story(doc));
      }
    }
    return new long[] {articles, seen.size()};
  }
}

package io.newssearch.lucene.search;

import java.io.IOException;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;
import io.newssearch.search.SortOrder;

/**
 * The share of distinct stories among a sample of matching articles: how many stories a match set
 * too large to walk holds is estimated as its article count times this share. An estimate that
 * errs high by up to the share of copies among the matches, since a story whose versions are not
 * all sampled is counted once per sampled version.
 */
final class StoryShare {

  private StoryShare() {}

  /** Distinct stories per article among {@code sampled}; an article without a story is one of its own. */
  static double of(FacetsCollector sampled, StoryOrdinals ordinals) throws IOException {
    FixedBitSet seen = new FixedBitSet((int) Math.max(1, ordinals.count()));
    long articles = 0, singletons = 0;
    for (MatchingDocs md : sampled.getMatchingDocs()) {
      if (md.bits() == null) {
        continue;
      }
      RankReader rank = new RankReader(md.context(), SortOrder.RELEVANCE, ordinals);
      DocIdSetIterator it = md.bits().iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        articles++;
        long story = rank.story(doc);
        if (story >= 0) {
          seen.set((int) story);
        } else {
          singletons++;
        }
      }
    }
    return articles == 0 ? 1.0 : (seen.cardinality() + singletons) / (double) articles;
  }
}

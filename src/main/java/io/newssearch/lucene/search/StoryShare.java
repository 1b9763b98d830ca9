package io.newssearch.lucene.search;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.FixedBitSet;
import io.newssearch.search.SortOrder;

/**
 * The share of distinct stories among a sample of matching articles: how many stories a match set
 * too large to walk holds is estimated as its article count times this share. An estimate that
 * errs high by up to the share of copies among the matches, since a story whose versions are not
 * all sampled is counted once per sampled version.
 */
final class StoryShare implements CollectorManager<StoryShare.Counter, Double> {

  private final StoryOrdinals ordinals;

  StoryShare(StoryOrdinals ordinals) {
    this.ordinals = ordinals;
  }

  @Override
  public Counter newCollector() {
    return new Counter();
  }

  @Override
  public Double reduce(Collection<Counter> counters) {
    FixedBitSet seen = new FixedBitSet((int) Math.max(1, ordinals.count()));
    long articles = 0, singletons = 0;
    for (Counter c : counters) {
      seen.or(c.seen);
      articles += c.articles;
      singletons += c.singletons;
    }
    return articles == 0 ? 1.0 : (seen.cardinality() + singletons) / (double) articles;
  }

  /** Marks each sampled article's story; an article without one is a story of its own. */
  final class Counter extends SimpleCollector {
    private final FixedBitSet seen = new FixedBitSet((int) Math.max(1, ordinals.count()));
    private long articles, singletons;
    private RankReader rank;

    @Override
    protected void doSetNextReader(LeafReaderContext leaf) throws IOException {
      rank = new RankReader(leaf, SortOrder.RELEVANCE, ordinals);
    }

    @Override
    public void collect(int doc) throws IOException {
      articles++;
      long story = rank.story(doc);
      if (story >= 0) {
        seen.set((int) story);
      } else {
        singletons++;
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}

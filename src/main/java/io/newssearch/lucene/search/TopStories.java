package io.newssearch.lucene.search;

import io.newssearch.lucene.Schema;
import io.newssearch.search.SortOrder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.internal.hppc.LongHashSet;

/**
 * The best-ranked version of each of the top N stories of a match set ({@code collapse=story}),
 * in the collector, with a bounded queue: Lucene's FirstPassGroupingCollector (and Elasticsearch's
 * field collapsing) over story keys ({@link StoryKeys}) — an ordered set of the N best stories so far and a
 * map from story to its entry. A document costs a comparison with the queue's last entry unless it
 * could enter the top N. Exact: when a story of the true top N meets the queue with its best
 * version, N stories ranking above that version would each have a better best version, so the
 * queue's last entry ranks below it and the story enters; nothing afterwards ranks above it.
 *
 * <p>It can also count the distinct stories of the match set (a bit per global ordinal), and for a
 * cursor it takes only stories whose every version ranks after the cursor ({@link AfterCursor}):
 * those are the stories of the following pages, exactly as if the pages before had been walked.
 */
final class TopStories {

  /** A story's best version, with the sort values its place in the order is decided by. */
  static final class Head {
    private long key;
    private int doc;
    private float score;
    private long published;
    private BytesRef id;
    private final long story;
    /** The story id; null for an article without a story. */
    private BytesRef storyValue;

    private Head(long story) {
      this.story = story;
    }

    int doc() { return doc; }
    float score() { return score; }
    BytesRef storyValue() { return storyValue; }

    /** The sort values a cursor carries, as {@link SearchSorts} gives them. */
    FieldDoc fieldDoc(SortOrder sort) {
      Object first = sort == SortOrder.DATE ? (Object) published : (Object) score;
      return new FieldDoc(doc, score, new Object[] {first, BytesRef.deepCopyOf(id)});
    }
  }

  /** The top heads, best first, and the distinct stories of the match set (-1 when not counted). */
  record Result(List<Head> heads, long stories) {}

  private static final Comparator<Head> ORDER = (a, b) -> {
    int c = RankReader.compare(a.key, a.id, b.key, b.id);
    return c != 0 ? c : Integer.compare(a.doc, b.doc);
  };

  private TopStories() {}

  /**
   * @param n how many stories to keep (offset + page size)
   * @param count whether to count the distinct stories of the whole match set
   * @param after the cursor's position and the stories it excludes, or null
   */
  static CollectorManager<Collector, Result> manager(SortOrder sort, int n, boolean count,
      AfterCursor after) {
    return new CollectorManager<>() {
      @Override
      public Collector newCollector() {
        return new Collector(sort, n, count, after);
      }

      @Override
      public Result reduce(Collection<Collector> collectors) {
        Map<Long, Head> best = new HashMap<>();
        LongHashSet seen = count ? new LongHashSet() : null;
        for (Collector c : collectors) {
          for (Head h : c.queue) {
            best.merge(h.story, h, (x, y) -> ORDER.compare(x, y) <= 0 ? x : y);
          }
          if (count) {
            seen.addAll(c.seen);
          }
        }
        List<Head> heads = new ArrayList<>(best.values());
        heads.sort(ORDER);
        return new Result(List.copyOf(heads.subList(0, Math.min(n, heads.size()))),
            count ? seen.size() : -1);
      }
    };
  }

  /**
   * The top {@code n} stories of a search whose every match is every live article and scores
   * {@code score} (browsing the archive by relevance): all tie, so they rank by id, and a story's
   * best version is its smallest id. Each segment's ids are read in order from the terms
   * dictionary, merged across segments, until {@code n} stories are found: the page's work, where
   * the collector compared every article's id (at a million articles, most of a browse's CPU).
   * The same heads, in the same order, as {@link #manager} collects.
   */
  static Result inIdOrder(IndexReader reader, int n, float score) throws IOException {
    PriorityQueue<SegmentIds> segments = new PriorityQueue<>(
        Comparator.comparing((SegmentIds s) -> s.id).thenComparingInt(s -> s.leaf.docBase));
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(Schema.ID);
      TermsEnum ids = terms == null ? null : terms.iterator();
      if (ids != null && ids.next() != null) {
        segments.add(SegmentIds.at(leaf, ids));
      }
    }
    Map<Long, Head> byStory = new HashMap<>();
    List<Head> heads = new ArrayList<>();
    while (heads.size() < n && !segments.isEmpty()) {
      SegmentIds s = segments.poll();
      Bits live = s.leaf.reader().getLiveDocs();
      PostingsEnum docs = s.ids.postings(null, PostingsEnum.NONE);
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS && heads.size() < n; doc = docs.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        RankReader rank = new RankReader(s.leaf, SortOrder.RELEVANCE); // documents come in id order, not doc order
        long story = rank.story(doc);
        if (byStory.containsKey(story)) {
          continue; // a smaller id of the story came first
        }
        Head h = new Head(story);
        h.key = RankReader.scoreKey(score);
        h.doc = s.leaf.docBase + doc;
        h.score = score;
        h.published = RankReader.UNDATED;
        h.id = BytesRef.deepCopyOf(s.id);
        BytesRef value = rank.storyValue(doc);
        h.storyValue = value == null ? null : BytesRef.deepCopyOf(value);
        byStory.put(story, h);
        heads.add(h);
      }
      if (s.ids.next() != null) {
        segments.add(SegmentIds.at(s.leaf, s.ids));
      }
    }
    return new Result(List.copyOf(heads), -1);
  }

  /** A segment's ids in order, at its current one. */
  private record SegmentIds(LeafReaderContext leaf, TermsEnum ids, BytesRef id) {
    static SegmentIds at(LeafReaderContext leaf, TermsEnum ids) throws IOException {
      return new SegmentIds(leaf, ids, ids.term());
    }
  }

  static final class Collector implements org.apache.lucene.search.Collector {
    private final SortOrder sort;
    private final int n;
    private final boolean count;
    private final AfterCursor after;
    private final TreeSet<Head> queue = new TreeSet<>(ORDER);
    private final Map<Long, Head> byStory = new HashMap<>();
    private final LongHashSet seen;

    Collector(SortOrder sort, int n, boolean count, AfterCursor after) {
      this.sort = sort;
      this.n = n;
      this.count = count;
      this.after = after;
      this.seen = count ? new LongHashSet() : null;
    }

    @Override
    public ScoreMode scoreMode() {
      // Newest first needs no score: the page's scores are computed for its hits alone afterwards.
      // Without counting or a cursor, documents that cannot beat the last story kept are skipped
      // (block-max WAND), as a plain top-10 search does.
      if (sort == SortOrder.DATE) {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
      return !count && after == null ? ScoreMode.TOP_SCORES : ScoreMode.COMPLETE;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
      RankReader rank = new RankReader(leaf, sort);
      int base = leaf.docBase;
      return new LeafCollector() {
        private Scorable scorer;
        private Head boundHead;
        private BytesRef boundId;
        private long bound;

        @Override
        public void setScorer(Scorable s) throws IOException {
          scorer = s;
          rank.setScorer(s);
          raiseMinScore();
        }

        @Override
        public void collect(int doc) throws IOException {
          long key = rank.key(doc);
          long story = Long.MAX_VALUE; // not read yet (were it a story's key, it is read again: no harm)
          if (count) {
            story = rank.story(doc);
            seen.add(story);
          }
          if (after != null) {
            if (!after.isAfter(key, rank, doc)) {
              return;
            }
            story = story == Long.MAX_VALUE ? rank.story(doc) : story;
            if (after.excludes(story)) {
              return;
            }
          }
          if (queue.size() == n) {
            Head last = queue.last();
            if (key < last.key || (key == last.key && rank.idOrd(doc) >= boundOf(last))) {
              return;
            }
          }
          story = story == Long.MAX_VALUE ? rank.story(doc) : story;
          BytesRef id = rank.id(doc);
          Head h = byStory.get(story);
          if (h != null) {
            if (RankReader.compare(key, id, h.key, h.id) < 0) {
              queue.remove(h);
              set(h, key, doc, id);
              queue.add(h);
              raiseMinScore();
            }
            return;
          }
          if (queue.size() == n) {
            byStory.remove(queue.pollLast().story);
          }
          h = new Head(story);
          set(h, key, doc, id);
          BytesRef value = rank.storyValue(doc);
          h.storyValue = value == null ? null : BytesRef.deepCopyOf(value);
          queue.add(h);
          byStory.put(story, h);
          raiseMinScore();
        }

        /**
         * Ties on the rank key are common (a day's articles under sort=date, equal scores): they are
         * decided on id ordinals, with the queue's last id looked up in this segment once per change.
         */
        private long boundOf(Head last) throws IOException {
          if (last != boundHead || last.id != boundId) {
            boundHead = last;
            boundId = last.id;
            bound = rank.idBound(last.id);
          }
          return bound;
        }

        private void set(Head h, long key, int doc, BytesRef id) throws IOException {
          h.key = key;
          h.doc = base + doc;
          h.score = sort == SortOrder.DATE ? Float.NaN : scorer.score(); // by date: scored afterwards
          h.published = sort == SortOrder.DATE ? key : RankReader.UNDATED;
          h.id = BytesRef.deepCopyOf(id);
        }

        private void raiseMinScore() throws IOException {
          if (scoreMode() == ScoreMode.TOP_SCORES && queue.size() == n && scorer != null) {
            // Equal scores may still win on the id, so the bound is inclusive.
            scorer.setMinCompetitiveScore(queue.last().score);
          }
        }
      };
    }
  }
}

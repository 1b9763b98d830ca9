package io.newssearch.lucene.search;

import io.newssearch.search.SortOrder;
import io.newssearch.lucene.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;

/**
 * One hit per story ({@code collapse=story}): over every matching article, the best-ranked version
 * of each story in the request's sort order (score then id, or date then id), with the other
 * matching versions behind it.
 *
 * <p>Why a full pass rather than Lucene's grouping module: the heads are then a plain list sorted
 * by the same keys as the uncollapsed search, so a page is "the heads after the cursor's sort
 * values" and cursor paging stays exact at any depth; an article is a head exactly when no version
 * of its story ranks before it, which does not depend on which page is asked for. The cost is a
 * map entry per matching story, bounded by the index size.
 */
final class StoryCollapse {

  /** One version of a story in the match set, with the keys it sorts by. */
  record Version(int doc, float score, long published, String id) {}

  /** A story's best version and the other matching versions. */
  record Head(Version best, String story, List<Version> others) {}

  private StoryCollapse() {}

  /** Every story's head, in the sort order of {@code sort}. */
  static List<Head> heads(IndexSearcher searcher, Query query, SortOrder sort) throws IOException {
    Comparator<Version> order = order(sort);
    Map<String, List<Version>> byStory = searcher.search(query, new Manager());
    List<Head> heads = new ArrayList<>(byStory.size());
    for (var e : byStory.entrySet()) {
      List<Version> versions = e.getValue();
      versions.sort(order);
      heads.add(new Head(versions.get(0), e.getKey(), List.copyOf(versions.subList(1, versions.size()))));
    }
    heads.sort(Comparator.comparing(Head::best, order));
    return heads;
  }

  /** The heads strictly after a cursor position (the last head of the previous page). */
  static List<Head> after(List<Head> heads, FieldDoc cursor, SortOrder sort) {
    Version at = sort == SortOrder.DATE
        ? new Version(-1, Float.NaN, (Long) cursor.fields[0], ((BytesRef) cursor.fields[1]).utf8ToString())
        : new Version(-1, (Float) cursor.fields[0], 0, ((BytesRef) cursor.fields[1]).utf8ToString());
    Comparator<Version> order = order(sort);
    return heads.stream().filter(h -> order.compare(h.best(), at) > 0).toList();
  }

  /** The sort values a cursor carries, as {@link SearchSorts} would give them. */
  static FieldDoc fieldDoc(Version v, SortOrder sort) {
    Object first = sort == SortOrder.DATE ? (Object) v.published() : (Object) v.score();
    return new FieldDoc(v.doc(), v.score(), new Object[] {first, new BytesRef(v.id())});
  }

  private static Comparator<Version> order(SortOrder sort) {
    Comparator<Version> first = sort == SortOrder.DATE
        ? Comparator.comparingLong(Version::published).reversed()
        : Comparator.comparingDouble((Version v) -> v.score()).reversed();
    return first.thenComparing(Version::id);
  }

  private static final class Manager implements CollectorManager<StoryCollector, Map<String, List<Version>>> {
    @Override
    public StoryCollector newCollector() {
      return new StoryCollector();
    }

    @Override
    public Map<String, List<Version>> reduce(Collection<StoryCollector> collectors) {
      Map<String, List<Version>> out = new HashMap<>();
      for (StoryCollector c : collectors) {
        c.byStory.forEach((k, v) -> out.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
      }
      return out;
    }
  }

  private static final class StoryCollector implements Collector {
    final Map<String, List<Version>> byStory = new HashMap<>();

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext ctx) throws IOException {
      SortedSetDocValues story = DocValues.getSortedSet(ctx.reader(), Schema.STORY);
      SortedSetDocValues ids = DocValues.getSortedSet(ctx.reader(), Schema.ID);
      NumericDocValues published = DocValues.getNumeric(ctx.reader(), Schema.PUBLISHED);
      int base = ctx.docBase;
      return new LeafCollector() {
        private Scorable scorer;

        @Override
        public void setScorer(Scorable s) {
          scorer = s;
        }

        @Override
        public void collect(int doc) throws IOException {
          String id = ids.advanceExact(doc) ? ids.lookupOrd(ids.nextOrd()).utf8ToString() : "";
          // An index written before stories existed has none: each article is its own story.
          String key = story.advanceExact(doc) ? story.lookupOrd(story.nextOrd()).utf8ToString() : id;
          long date = published.advanceExact(doc) ? published.longValue() : Long.MIN_VALUE;
          byStory.computeIfAbsent(key, k -> new ArrayList<>(1)).add(new Version(base + doc, scorer.score(), date, id));
        }
      };
    }
  }
}

package io.newssearch.lucene.search;

import io.newssearch.lucene.ArticleDocuments;
import io.newssearch.lucene.Schema;
import io.newssearch.search.SearchResult.Hit;
import io.newssearch.search.SearchResult.SourceVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BytesRef;

/**
 * The other versions of each collapsed hit's story, oldest first: who had the story first. Found
 * for the page's stories only, by the search's own query narrowed to those stories, so the cost is
 * the page's versions, not the match set's.
 */
final class StorySources {

  private static final Set<String> FIELDS = Set.of(Schema.ID, Schema.SOURCE_KEYWORD, Schema.URL, Schema.PUBLISHED);

  /** Oldest first; undated versions last (their published is {@link RankReader#UNDATED}); then by id. */
  private static final Comparator<Version> OLDEST_FIRST = Comparator
      .comparing((Version v) -> v.published() == RankReader.UNDATED)
      .thenComparingLong(Version::published).thenComparing(Version::id);

  private record Version(int doc, long published, BytesRef id) {}

  private StorySources() {}

  /** @param heads the page's story heads, in the order of {@code hits} */
  static List<Hit> attach(IndexSearcher searcher, Query query, List<Hit> hits, List<TopStories.Head> heads)
      throws IOException {
    // Most stories have one version: the index's term statistics say which have more (counting
    // deleted versions, so a story may still turn out alone), and only those are searched for.
    List<BytesRef> stories = new ArrayList<>();
    for (TopStories.Head head : heads) {
      BytesRef story = head.storyValue();
      if (story != null && searcher.getIndexReader().docFreq(new Term(Schema.STORY, story)) > 1) {
        stories.add(story);
      }
    }
    Map<BytesRef, List<Version>> byStory = stories.isEmpty() ? Map.of() : versions(searcher, query, stories);
    StoredFields stored = searcher.storedFields();
    List<Hit> out = new ArrayList<>(hits.size());
    for (int i = 0; i < hits.size(); i++) {
      TopStories.Head head = heads.get(i);
      List<Version> others = new ArrayList<>(head.storyValue() == null ? List.of()
          : byStory.getOrDefault(head.storyValue(), List.of()));
      others.removeIf(v -> v.doc() == head.doc());
      others.sort(OLDEST_FIRST);
      List<SourceVersion> listed = new ArrayList<>();
      for (Version v : others.subList(0, Math.min(Hit.MAX_LISTED_SOURCES, others.size()))) {
        listed.add(version(stored.document(v.doc(), FIELDS)));
      }
      out.add(hits.get(i).withSources(listed, others.size()));
    }
    return out;
  }

  /** Every matching version of the given stories, by story. */
  private static Map<BytesRef, List<Version>> versions(IndexSearcher searcher, Query query, List<BytesRef> stories)
      throws IOException {
    Query narrowed = new BooleanQuery.Builder().add(query, Occur.MUST)
        .add(KeywordField.newSetQuery(Schema.STORY, stories), Occur.FILTER).build();
    return searcher.search(narrowed, new CollectorManager<VersionCollector, Map<BytesRef, List<Version>>>() {
      @Override
      public VersionCollector newCollector() {
        return new VersionCollector();
      }

      @Override
      public Map<BytesRef, List<Version>> reduce(Collection<VersionCollector> collectors) {
        Map<BytesRef, List<Version>> all = new HashMap<>();
        collectors.forEach(c -> c.byStory.forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v)));
        return all;
      }
    });
  }

  private static final class VersionCollector extends SimpleCollector {
    final Map<BytesRef, List<Version>> byStory = new HashMap<>();
    private RankReader rank;
    private int base;

    @Override
    protected void doSetNextReader(LeafReaderContext leaf) throws IOException {
      // Which sort does not matter here: only ids, stories and dates are read.
      rank = new RankReader(leaf, io.newssearch.search.SortOrder.DATE);
      base = leaf.docBase;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public void collect(int doc) throws IOException {
      Version v = new Version(base + doc, rank.published(doc), BytesRef.deepCopyOf(rank.id(doc)));
      byStory.computeIfAbsent(BytesRef.deepCopyOf(rank.storyValue(doc)), k -> new ArrayList<>()).add(v);
    }
  }

  static SourceVersion version(Document d) {
    return new SourceVersion(d.get(Schema.ID), d.get(Schema.SOURCE_KEYWORD), d.get(Schema.URL),
        ArticleDocuments.published(d));
  }
}

package io.newssearch.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.lucene.IndexHandle;
import io.newssearch.lucene.IndexLayout;
import io.newssearch.lucene.IndexView;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SearchResult.FacetValue;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counting by segment ({@link ValueIds}) gives what Lucene's {@link StringValueFacetCounts} over
 * an ordinal map gives — the same values, counts and order, ties in byte order — on an index of
 * several segments with deleted documents, a multi-valued field, a single-valued one (sorted doc
 * values) missing from whole segments, and values whose byte order is not their UTF-16 order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentFacetCountsTest {

  /** Multi-valued, many values (a person field). */
  private static final String MANY = "many";
  /** Single-valued sorted doc values, absent from the first segment. */
  private static final String ONE = "one";
  private static final int ARTICLES = 6_000;

  /** Byte order differs from UTF-16 order for the last two (a supplementary character sorts last in bytes). */
  private static final List<String> ODD = List.of("Zoë", "Émile", "ángel", "中国", "\uFF61x", "\uD83D\uDE00y");

  private IndexHandle handle;
  private IndexView view;

  @BeforeAll
  void index(@TempDir Path dir) throws IOException {
    IndexLayout layout = new IndexLayout(dir);
    Random random = new Random(14);
    try (FSDirectory d = FSDirectory.open(layout.ensureCurrent());
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int i = 0; i < ARTICLES; i++) {
        Document doc = new Document();
        doc.add(new StringField("id", "a" + i, Store.NO));
        doc.add(new IntField("bucket", random.nextInt(1000), Store.NO));
        int values = random.nextInt(5);
        for (int v = 0; v < values; v++) {
          // Skewed: a few values are common, most are rare, so counts tie often.
          int rank = (int) Math.floor(Math.pow(random.nextDouble(), 3) * 400);
          doc.add(new KeywordField(MANY, rank < ODD.size() ? ODD.get(rank) : "name-" + rank, Store.NO));
        }
        if (i >= 1_000 && random.nextInt(4) > 0) {
          doc.add(new SortedDocValuesField(ONE, new BytesRef("lang-" + random.nextInt(12))));
        }
        w.addDocument(doc);
        if (i % 1_000 == 999) {
          w.commit(); // a segment each
        }
        if (i % 7 == 3 && i > 10) {
          w.deleteDocuments(new Term("id", "a" + (i - 10)));
        }
      }
      w.commit();
    }
    handle = new IndexHandle(layout, Duration.ofHours(1));
    view = handle.acquire();
    assertTrue(view.reader().leaves().size() >= 6, "several segments");
    assertTrue(view.reader().hasDeletions(), "deleted documents");
  }

  @AfterAll
  void close() throws IOException {
    handle.release(view);
    handle.close();
  }

  @Test
  void random_subsets_count_as_the_ordinal_map_does() throws IOException {
    Random random = new Random(7);
    int compared = 0;
    for (int trial = 0; trial < 60; trial++) {
      int upTo = trial == 0 ? 0 : random.nextInt(trial < 30 ? 60 : 1000);
      FacetsCollector hits = hits(IntField.newRangeQuery("bucket", 0, upTo));
      int n = List.of(1, 3, 10, 30).get(trial % 4);
      for (String field : List.of(MANY, ONE)) {
        List<LabelAndValue> all = canonical(field, hits);
        List<String> selected = new ArrayList<>(List.of("nobody"));
        for (int i = 0; i < 3 && !all.isEmpty(); i++) {
          selected.add(all.get(random.nextInt(all.size())).label);
        }
        ValueIds.Counted ours = ValueIds.of(view, field).count(field, hits, n, selected);

        assertEquals(shown(all.subList(0, Math.min(n, all.size()))), shown(ours.top()), field + " top " + n);
        assertSameAsLucenesTop(field, hits, n, ours.top());
        StringValueFacetCounts lucene = lucene(field, hits);
        for (String value : selected) {
          int expected = Math.max(0, lucene.getSpecificValue(field, value).intValue());
          assertEquals(expected, ours.also().get(value), field + " " + value);
        }
        compared += all.size();
      }
    }
    assertTrue(compared > 1_000, "the subsets counted values: " + compared);
  }

  @Test
  void facet_counter_gives_the_same_values_by_either_path() throws IOException {
    FacetsCollector few = hits(IntField.newRangeQuery("bucket", 0, 40));
    FacetsCollector everything = hits(new MatchAllDocsQuery());
    assertFalse(FacetCounter.byOrdinalMap(view, few));
    assertTrue(FacetCounter.byOrdinalMap(view, everything));
    for (FacetsCollector hits : List.of(few, everything)) {
      List<LabelAndValue> all = canonical(MANY, hits);
      String absentFromTop = all.get(all.size() - 1).label;
      List<FacetValue> counted = FacetCounter.count(view, MANY, hits, List.of(absentFromTop, "nobody", all.get(0).label), 2);

      List<FacetValue> expected = new ArrayList<>();
      for (LabelAndValue lv : all.subList(0, Math.min(SearchResult.Facets.TOP_VALUES, all.size()))) {
        expected.add(new FacetValue(lv.label, 2L * lv.value.intValue(), lv.label.equals(all.get(0).label)));
      }
      expected.add(new FacetValue(absentFromTop, 2L * all.get(all.size() - 1).value.intValue(), true));
      expected.add(new FacetValue("nobody", 0, true));
      assertEquals(expected, counted);
    }
  }

  /** Searches sharing a view number its values together: what one numbers, the other finds numbered. */
  @Test
  void searches_counting_at_once_get_their_own_counts() throws Exception {
    List<FacetsCollector> subsets = new ArrayList<>();
    List<List<String>> expected = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      FacetsCollector hits = hits(IntField.newRangeQuery("bucket", i * 100, i * 100 + 150));
      subsets.add(hits);
      List<LabelAndValue> all = canonical(MANY, hits);
      expected.add(shown(all.subList(0, Math.min(10, all.size()))));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 10; round++) {
        ValueIds shared = new ValueIds(view.reader()); // a new view's: every value still to number
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> counted = new ArrayList<>();
        for (FacetsCollector hits : subsets) {
          counted.add(pool.submit(() -> {
            start.await();
            return shown(shared.count(MANY, hits, 10, List.of()).top());
          }));
        }
        start.countDown();
        for (int i = 0; i < counted.size(); i++) {
          assertEquals(expected.get(i), counted.get(i).get(), "round " + round + ", subset " + i);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private FacetsCollector hits(Query q) throws IOException {
    return view.searcher().search(q, new FacetsCollectorManager());
  }

  private StringValueFacetCounts lucene(String field, FacetsCollector hits) throws IOException {
    return new StringValueFacetCounts(new StringDocValuesReaderState(view.reader(), field), hits);
  }

  /**
   * Every counted value in Lucene's order. Asked for all of them, its queue never overflows, so
   * ties are broken by ordinal alone; asked for fewer, a sparse count (a hash map in random
   * iteration order) may keep any of the values tied at the last place.
   */
  private List<LabelAndValue> canonical(String field, FacetsCollector hits) throws IOException {
    return List.of(lucene(field, hits).getTopChildren(Integer.MAX_VALUE, field).labelValues);
  }

  /** Lucene's top {@code n}: the same counts, and the same values above the last place's count. */
  private void assertSameAsLucenesTop(String field, FacetsCollector hits, int n, List<LabelAndValue> ours)
      throws IOException {
    List<LabelAndValue> theirs = Arrays.asList(lucene(field, hits).getTopChildren(n, field).labelValues);
    assertEquals(theirs.stream().map(lv -> lv.value.intValue()).toList(),
        ours.stream().map(lv -> lv.value.intValue()).toList());
    int last = theirs.isEmpty() ? 0 : theirs.get(theirs.size() - 1).value.intValue();
    assertEquals(shown(theirs.stream().filter(lv -> lv.value.intValue() > last).toList()),
        shown(ours.stream().filter(lv -> lv.value.intValue() > last).toList()));
  }

  private static List<String> shown(List<LabelAndValue> values) {
    return values.stream().map(lv -> lv.label + "=" + lv.value.intValue()).toList();
  }
}

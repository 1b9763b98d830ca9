package io.newssearch.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.entities.Entities;
import io.newssearch.index.IndexedArticle;
import io.newssearch.index.Origin;
import io.newssearch.lucene.ArticleDocuments;
import io.newssearch.lucene.IndexHandle;
import io.newssearch.lucene.IndexLayout;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SearchResult.Hit;
import io.newssearch.search.SortOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Collapsing in the collector ({@link TopStories}, a bounded queue) against the definition: walk
 * every matching article in the uncollapsed order, keep each story's first (best-ranked) version.
 * Over a random index of 400 articles in 150 stories, written in several segments (one in seven
 * deleted), with many equal
 * scores and dates (so the id tie-break decides), undated articles, and every sort, page size and
 * cursor walk: the same stories in the same order, the same best version, exact counts; and the
 * same pages when the search skips what cannot enter them (past its exact-count limit).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollapseExactnessTest {

  private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "storm", "vote"};

  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private IndexHandle handle;
  private LuceneSearchService search;
  /** The same index with counts exact up to 20 matches only: pages found by block-max WAND, counts sampled. */
  private LuceneSearchService skipping;

  @BeforeAll
  void index(@TempDir Path dir) throws Exception {
    IndexLayout layout = new IndexLayout(dir);
    Path gen = layout.ensureCurrent();
    ArticleDocuments documents = new ArticleDocuments(analyzers);
    Random random = new Random(14);
    try (FSDirectory d = FSDirectory.open(gen);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setMergePolicy(org.apache.lucene.index.NoMergePolicy.INSTANCE))) {
      List<String> deleted = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String id = String.format("a%03d", random.nextInt(1000)) + "-" + i;
        String body = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(3)] + " news";
        // A few distinct days, so many articles share a date; some undated.
        Instant published = random.nextInt(10) == 0 ? null : Instant.parse("2024-03-01T00:00:00Z").plusSeconds(86_400L * random.nextInt(5));
        Article a = new Article(id, null, "Title " + WORDS[random.nextInt(WORDS.length)], body, published, "en",
            List.of(), "source-" + random.nextInt(4), null);
        String story = "story-" + random.nextInt(150);
        w.addDocument(documents.toDocument(new IndexedArticle(a, Origin.CORPUS, null, Entities.NONE), story));
        if (i % 90 == 89) {
          w.commit(); // several segments: global story ordinals must join them
        }
        if (i % 7 == 3) {
          deleted.add(id);
        }
      }
      for (String id : deleted) { // some of every segment: a walk must pass over them
        w.deleteDocuments(new org.apache.lucene.index.Term(io.newssearch.lucene.Schema.ID, id));
      }
      w.commit();
    }
    handle = new IndexHandle(layout, Duration.ofHours(1));
    search = new LuceneSearchService(handle, analyzers);
    skipping = new LuceneSearchService(new IndexHandle(layout, Duration.ofHours(1)), analyzers,
        io.newssearch.search.SearchLimits.DEFAULTS.withExactCounts(20));
  }

  @AfterAll
  void close() throws Exception {
    search.close();
    skipping.close();
    analyzers.close();
  }

  static List<Object[]> cases() {
    List<Object[]> out = new ArrayList<>();
    for (String q : new String[] {"", "alpha", "alpha OR storm", "news"}) {
      for (SortOrder sort : SortOrder.values()) {
        for (int size : new int[] {3, 10}) {
          out.add(new Object[] {q, sort, size});
        }
      }
    }
    out.add(new Object[] {"news", SortOrder.DATE, 1});
    return out;
  }

  @ParameterizedTest(name = "q=''{0}'' sort={1} size={2}")
  @MethodSource("cases")
  void collapsed_pages_are_the_heads_of_the_flat_order(String q, SortOrder sort, int size) throws Exception {
    Instant now = Instant.parse("2024-03-10T00:00:00Z");
    Map<String, List<Hit>> byStory = new LinkedHashMap<>(); // story → its versions in flat order
    List<Hit> flat = walk(search, SearchRequest.builder().query(q).sort(sort).now(now).collapse(false).size(100));
    flat.forEach(h -> byStory.computeIfAbsent(h.story(), k -> new ArrayList<>()).add(h));
    List<String> expected = byStory.values().stream().map(v -> v.get(0).id()).toList();

    for (LuceneSearchService service : List.of(search, skipping)) {
      List<Hit> byCursor = walk(service, SearchRequest.builder().query(q).sort(sort).now(now).size(size));
      assertEquals(expected, byCursor.stream().map(Hit::id).toList(), "cursor walk");

      List<String> byPage = new ArrayList<>();
      for (int page = 1; (page - 1) * size < expected.size(); page++) {
        SearchResult r = service.search(SearchRequest.builder().query(q).sort(sort).now(now).size(size).page(page).build());
        if (service == search) {
          assertEquals(expected.size(), r.total(), "stories");
        }
        assertEquals(flat.size(), r.totalArticles(), "articles");
        r.hits().forEach(h -> byPage.add(h.id()));
      }
      assertEquals(expected, byPage, "page walk");

      Map<String, Integer> others = new HashMap<>();
      byStory.forEach((story, versions) -> others.put(versions.get(0).id(), versions.size() - 1));
      for (Hit h : byCursor) {
        assertEquals(others.get(h.id()), h.sourcesCount(), "other versions of " + h.story());
      }
    }
  }

  /** Every hit of a search, page after page by cursor. */
  private static List<Hit> walk(LuceneSearchService service, SearchRequest.Builder request) throws Exception {
    List<Hit> out = new ArrayList<>();
    SearchResult r = service.search(request.build());
    while (true) {
      out.addAll(r.hits());
      if (r.nextCursor() == null) {
        break;
      }
      r = service.search(request.cursor(r.nextCursor()).build());
    }
    assertNull(r.nextCursor());
    return out;
  }
}

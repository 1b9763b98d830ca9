package io.newssearch.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.entities.Entities;
import io.newssearch.index.IndexedArticle;
import io.newssearch.index.Origin;
import io.newssearch.lucene.ArticleDocuments;
import io.newssearch.lucene.IndexHandle;
import io.newssearch.lucene.IndexLayout;
import io.newssearch.search.SearchLimits;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SearchResult.FacetValue;
import io.newssearch.search.SortOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Past {@link SearchLimits#exactCounts()} matching articles, facets and the story count are
 * estimated from a sample and the answer says so, the article count stays exact, and the page is
 * the one an exhaustive search finds; below it every count is exact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampledFacetsTest {

  static final int ARTICLES = SearchLimits.DEFAULT_EXACT_COUNTS * 3 / 2;

  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private LuceneSearchService search;
  /** The same index counted exactly, however many match. */
  private LuceneSearchService exhaustive;

  @BeforeAll
  void index(@TempDir Path dir) throws Exception {
    IndexLayout layout = new IndexLayout(dir);
    ArticleDocuments documents = new ArticleDocuments(analyzers);
    try (FSDirectory d = FSDirectory.open(layout.ensureCurrent());
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      for (int i = 0; i < ARTICLES; i++) {
        // every article "news" (0 to 4 more times) and tag "all"; every fourth "quarter"; the first
        // 4,000 also "midsize", the first 600 also "rare"
        List<String> tags = new ArrayList<>(List.of("all"));
        if (i % 4 == 0) {
          tags.add("quarter");
        }
        String body = "news of the day" + (i < 600 ? " rare" : "") + (i < 4_000 ? " midsize" : "") + " news".repeat(i % 5);
        Article a = new Article("a" + i, null, "Item " + i, body,
            Instant.parse("2024-03-01T00:00:00Z").plusSeconds(3600L * (i % 48)), "en", tags, "source-" + (i % 3), null);
        w.addDocument(documents.toDocument(new IndexedArticle(a, Origin.CORPUS, null, Entities.NONE), "s" + i));
        if (i % 5_000 == 4_999) {
          w.commit(); // several segments
        }
      }
      w.commit();
    }
    search = new LuceneSearchService(new IndexHandle(layout, Duration.ofHours(1)), analyzers);
    exhaustive = new LuceneSearchService(new IndexHandle(layout, Duration.ofHours(1)), analyzers,
        SearchLimits.DEFAULTS.withExactCounts(10 * ARTICLES));
  }

  @AfterAll
  void close() throws Exception {
    search.close();
    exhaustive.close();
    analyzers.close();
  }

  @Test
  void a_broad_search_estimates_facets_and_stories_from_a_sample_and_says_so() throws Exception {
    SearchResult r = search.search(SearchRequest.builder().query("news").build());
    assertEquals(ARTICLES, r.totalArticles(), "the article count stays exact");
    assertEquals(SearchResult.TOTAL_ESTIMATED, r.totalRelation());
    assertEquals(ARTICLES, r.total(), "every article is a story of its own, and so is every sampled one");
    assertEquals(SearchResult.FACETS_SAMPLED, r.facetsCount());
    assertAbout(ARTICLES, count(r.facets().language(), "en"), 0.06, "language 'en'");
    assertAbout(ARTICLES / 3, count(r.facets().source(), "source-0"), 0.10, "source-0");
    assertAbout(ARTICLES, r.facets().date().buckets().stream().mapToLong(b -> b.count()).sum(), 0.06, "dated");
    assertAbout(ARTICLES, count(r.facets().tags(), "all"), 0.06, "tag 'all'");
    assertAbout(ARTICLES / 4, count(r.facets().tags(), "quarter"), 0.10, "tag 'quarter'");
    // the same request, the same sample
    assertEquals(r.facets(), search.search(SearchRequest.builder().query("news").build()).facets());
  }

  @Test
  void a_broad_search_finds_the_page_an_exhaustive_one_does() throws Exception {
    for (SortOrder sort : SortOrder.values()) {
      for (boolean collapse : new boolean[] {true, false}) {
        for (String q : new String[] {"news", "news rare", "day OR rare"}) {
          SearchRequest r = SearchRequest.builder().query(q).sort(sort).collapse(collapse).size(10).page(2)
              .now(Instant.parse("2024-03-05T00:00:00Z")).build();
          SearchResult fast = search.search(r), exact = exhaustive.search(r);
          assertEquals(SearchResult.TOTAL_EXACT, exact.totalRelation());
          assertEquals(exact.totalArticles(), fast.totalArticles());
          assertEquals(ids(exact), ids(fast), q + " sort=" + sort + " collapse=" + collapse);
          assertEquals(exact.nextCursor() != null, fast.nextCursor() != null);
        }
      }
    }
  }

  @Test
  void a_search_with_more_matches_than_the_sample_but_fewer_than_the_exact_count_limit_samples_facets_only()
      throws Exception {
    SearchResult r = search.search(SearchRequest.builder().query("midsize").build());
    assertEquals(4_000, r.totalArticles());
    assertEquals(4_000, r.total());
    assertEquals(SearchResult.TOTAL_EXACT, r.totalRelation());
    assertEquals(SearchResult.FACETS_SAMPLED, r.facetsCount());
    assertAbout(4_000, count(r.facets().tags(), "all"), 0.10, "tag 'all'");
    assertAbout(1_000, count(r.facets().tags(), "quarter"), 0.20, "tag 'quarter'");
  }

  @Test
  void a_search_with_fewer_matches_than_the_sample_counts_every_facet_exactly() throws Exception {
    SearchResult r = search.search(SearchRequest.builder().query("rare").build());
    assertEquals(600, r.totalArticles());
    assertEquals(SearchResult.FACETS_COUNT, r.facetsCount());
    assertEquals(SearchResult.TOTAL_EXACT, r.totalRelation());
    assertEquals(600, r.total());
    assertEquals(600, count(r.facets().tags(), "all"));
    assertEquals(150, count(r.facets().tags(), "quarter"));
  }

  @Test
  void a_search_whose_cost_bound_is_above_the_limit_but_whose_matches_are_not_is_counted_and_ranked_exactly()
      throws Exception {
    // a phrase's cost is its words' (15,000), but "news news" is in three articles of five
    SearchRequest r = SearchRequest.builder().query("\"news news\"").build();
    SearchResult fast = search.search(r), exact = exhaustive.search(r);
    assertEquals(ARTICLES * 3 / 5, fast.totalArticles());
    assertEquals(SearchResult.TOTAL_EXACT, fast.totalRelation());
    assertEquals(exact.total(), fast.total(), "stories counted, not estimated");
    assertEquals(ids(exact), ids(fast));
  }

  private static void assertAbout(long expected, long actual, double tolerance, String what) {
    assertTrue(Math.abs(actual - expected) <= expected * tolerance, what + " estimated as " + actual + ", not about " + expected);
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(h -> h.id()).toList();
  }

  private static long count(List<FacetValue> values, String value) {
    return values.stream().filter(v -> v.value().equals(value)).mapToLong(FacetValue::count).findFirst().orElse(-1);
  }
}

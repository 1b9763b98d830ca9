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
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SearchResult.FacetValue;
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
 * Past {@link SearchFacets#SAMPLE} matches the many-valued facets are estimated from a sample and
 * the answer says so; below it, and for language, source and dates always, counts are exact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampledFacetsTest {

  static final int ARTICLES = SearchFacets.SAMPLE * 3 / 2;

  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private LuceneSearchService search;

  @BeforeAll
  void index(@TempDir Path dir) throws Exception {
    IndexLayout layout = new IndexLayout(dir);
    ArticleDocuments documents = new ArticleDocuments(analyzers);
    try (FSDirectory d = FSDirectory.open(layout.ensureCurrent());
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      for (int i = 0; i < ARTICLES; i++) {
        // every article "news" and tag "all"; every fourth "quarter"; the first 600 also "rare"
        List<String> tags = new ArrayList<>(List.of("all"));
        if (i % 4 == 0) {
          tags.add("quarter");
        }
        String body = "news of the day" + (i < 600 ? " rare" : "");
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
  }

  @AfterAll
  void close() throws Exception {
    search.close();
    analyzers.close();
  }

  @Test
  void a_broad_search_estimates_tags_from_a_sample_and_says_so_while_language_source_and_dates_stay_exact()
      throws Exception {
    SearchResult r = search.search(SearchRequest.builder().query("news").build());
    assertEquals(ARTICLES, r.totalArticles());
    assertEquals(SearchResult.FACETS_SAMPLED, r.facetsCount());
    assertEquals(ARTICLES, count(r.facets().language(), "en"), "language is exact");
    assertEquals(ARTICLES / 3, count(r.facets().source(), "source-0"), "source is exact");
    long dated = r.facets().date().buckets().stream().mapToLong(b -> b.count()).sum();
    assertEquals(ARTICLES, dated, "the date histogram is exact");
    long all = count(r.facets().tags(), "all");
    long quarter = count(r.facets().tags(), "quarter");
    assertTrue(Math.abs(all - ARTICLES) <= ARTICLES / 100, "'all' estimated as " + all + " of " + ARTICLES);
    assertTrue(Math.abs(quarter - ARTICLES / 4) <= ARTICLES / 40, "'quarter' estimated as " + quarter);
    // the same request, the same sample
    assertEquals(r.facets(), search.search(SearchRequest.builder().query("news").build()).facets());
  }

  @Test
  void a_search_with_fewer_matches_than_the_sample_counts_every_facet_exactly() throws Exception {
    SearchResult r = search.search(SearchRequest.builder().query("rare").build());
    assertEquals(600, r.totalArticles());
    assertEquals(SearchResult.FACETS_COUNT, r.facetsCount());
    assertEquals(600, count(r.facets().tags(), "all"));
    assertEquals(150, count(r.facets().tags(), "quarter"));
  }

  private static long count(List<FacetValue> values, String value) {
    return values.stream().filter(v -> v.value().equals(value)).mapToLong(FacetValue::count).findFirst().orElse(-1);
  }
}

package io.newssearch.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.TestIndexes;
import io.newssearch.article.Article;
import io.newssearch.search.Ranking;
import io.newssearch.search.Ranking.Feedback;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SearchResult.Hit;
import io.newssearch.search.SearchResult.ScorePart;
import io.newssearch.search.SortOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proximity phrases rescore the first search's top articles ({@link Ranking#RESCORED_CANDIDATES}),
 * through the search service as a request runs: among them, the article whose words stand together
 * moves up and its explanation shows the part; an article past them gets none, however near its
 * words; the matches and totals are the words' own; newest first, which the phrases cannot reorder,
 * still shows them in its scores.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProximityRescoringTest {

  private RankedServices services;

  @BeforeAll
  void index(@TempDir Path tmp) throws Exception {
    List<Article> articles = new ArrayList<>();
    // The words together, in a text of the same length: first of the ties, so among the rescored articles.
    articles.add(TestIndexes.article("together", "en", "2024-03-01", "Harbour",
        "Grain drought: ships wait as harbour cranes stand idle, traders said; port officials count losses from 61",
        "Wire"));
    // The words far apart, in texts of one length: the first search cannot order them.
    for (int i = 0; i < 60; i++) {
      articles.add(TestIndexes.article("apart-" + i, "en", "2024-03-" + (10 + i % 18), "Markets " + i,
          "Grain ships wait as harbour cranes stand idle, traders said; port officials count losses from drought "
              + i, "Wire"));
    }
    for (int i = 0; i < 40; i++) { // without the words: they are not in every article
      articles.add(TestIndexes.article("other-" + i, "en", "2024-02-0" + (1 + i % 9), "Weather " + i,
          "Rain and wind are expected in the region on day " + i + ", with lightning possible.", "Met"));
    }
    // The words together, but a long text: last by the words alone, past the rescored articles.
    articles.add(TestIndexes.article("long-together", "en", "2024-03-30", "Report",
        "Grain drought. " + "The weather service published its monthly outlook for the coming season. ".repeat(12),
        "Wire"));
    services = new RankedServices(tmp, articles);
  }

  @AfterAll
  void close() throws Exception {
    services.close();
  }

  private LuceneSearchService service(boolean proximity) throws java.io.IOException {
    Ranking r = Ranking.DEFAULT.withFeedback(Feedback.OFF).withSubwords(0f).withLead(Ranking.Lead.OFF);
    return services.with(proximity ? r : r.withProximity(Ranking.Proximity.OFF, 0f, 0));
  }

  private static SearchRequest.Builder grainDrought() {
    return SearchRequest.builder().query("grain drought").collapse(false).explain(true).size(100);
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  private static Optional<ScorePart> proximity(Hit h) {
    return h.explanation().parts().stream().filter(p -> p.name().equals("proximity")).findFirst();
  }

  private static Hit hit(SearchResult r, String id) {
    return r.hits().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
  }

  @Test
  void a_candidate_whose_words_stand_together_comes_first_and_one_past_the_candidates_gets_nothing()
      throws Exception {
    SearchResult plain = service(false).search(grainDrought().build());
    assertEquals("long-together", ids(plain).getLast(), "longest, so last by the words alone: " + ids(plain));

    SearchResult near = service(true).search(grainDrought().build());
    assertEquals("together", ids(near).getFirst(), ids(near).toString());
    assertTrue(proximity(hit(near, "together")).orElseThrow().value() > 0, hit(near, "together").explanation().summary());
    assertTrue(proximity(hit(near, "apart-3")).isEmpty(), hit(near, "apart-3").explanation().summary());
    Hit past = hit(near, "long-together");
    assertTrue(proximity(past).isEmpty(), "not among the first search's top articles: " + past.explanation().summary());
    assertEquals("long-together", ids(near).getLast(), ids(near).toString());
    for (Hit h : near.hits()) {
      double sum = h.explanation().parts().stream().mapToDouble(ScorePart::value).sum();
      assertEquals(h.score(), sum, 0.01, h.explanation().summary());
    }
  }

  @Test
  void the_phrases_keep_the_matches_and_totals_of_the_words() throws Exception {
    SearchResult without = service(false).search(grainDrought().build());
    SearchResult with = service(true).search(grainDrought().build());
    assertEquals(62, with.total());
    assertEquals(without.total(), with.total());
    assertEquals(java.util.Set.copyOf(ids(without)), java.util.Set.copyOf(ids(with)));
    assertEquals(without.facets(), with.facets());
  }

  @Test
  void newest_first_still_shows_the_phrases_in_its_scores() throws Exception {
    SearchResult r = service(true).search(grainDrought().sort(SortOrder.DATE).build());
    assertEquals("long-together", r.hits().getFirst().id());
    assertTrue(proximity(r.hits().getFirst()).orElseThrow().value() > 0, r.hits().getFirst().explanation().summary());
  }
}

package io.newssearch.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
 * Feedback as a rescoring of the first search's top articles ({@link Ranking.Feedback#rescored()}),
 * through the search service as a request runs: the words of the best articles lift a candidate that
 * shares them, an article past the candidates is left as it was, the matches, totals and facets are
 * the query's own, the first search respects the request's filters, newest-first skips feedback, and
 * every explanation adds up to its score.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackRescoringTest {

  private RankedServices services;

  @BeforeAll
  void index(@TempDir Path tmp) throws Exception {
    List<Article> articles = new ArrayList<>(List.of(
        // "volcano" once each in texts of one length: the first search cannot order them.
        TestIndexes.article("eruption-1", "en", "2024-05-01", "Iceland", "Volcano eruption lava ash villages evacuated.", "Geo"),
        TestIndexes.article("eruption-2", "en", "2024-05-02", "Italy", "Volcano eruption lava ash flights cancelled.", "Geo"),
        TestIndexes.article("museum", "en", "2024-05-03", "Museum", "Volcano museum tickets family weekend prices.", "Geo"),
        // Longer, so last in the first search; it shares the best articles' words.
        TestIndexes.article("late-lava", "en", "2024-05-04", "Report",
            "Volcano eruption: lava and ash reached the coast road, officials said after a long night of work.", "Geo"),
        // Another source, longer texts (below every Geo article when unfiltered), words of their own.
        TestIndexes.article("trail-1", "en", "2024-05-05", "Hiking", "Volcano hiking trail boots guide map route summit.", "Outdoor"),
        TestIndexes.article("trail-2", "en", "2024-05-06", "Walks", "Volcano hiking trail boots weather route summit.", "Outdoor")));
    for (int i = 0; i < 20; i++) {
      articles.add(TestIndexes.article("filler-" + i, "en", "2024-04-0" + (1 + i % 9), "Weather " + i,
          "Rain and wind are expected in the region on day " + i + ", with lightning possible.", "Met"));
    }
    services = new RankedServices(tmp, articles);
  }

  @AfterAll
  void close() throws Exception {
    services.close();
  }

  private LuceneSearchService service(Feedback feedback) throws java.io.IOException {
    return services.with(Ranking.DEFAULT.withFeedback(feedback).withSubwords(0f));
  }

  private static SearchRequest.Builder volcano() {
    return SearchRequest.builder().query("volcano").collapse(false).explain(true).size(50);
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  private static Optional<ScorePart> feedbackPart(Hit h) {
    return h.explanation().parts().stream().filter(p -> p.name().equals("feedback")).findFirst();
  }

  private static Hit hit(SearchResult r, String id) {
    return r.hits().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
  }

  @Test
  void a_candidate_that_shares_the_best_articles_words_moves_up_and_one_past_the_candidates_does_not()
      throws Exception {
    // Two articles give the words; the first search's top 3 (the short Geo articles) or top 10 are rescored.
    // Ties in the first search go by index order: eruption-1 and eruption-2 give the words.
    Feedback fb = new Feedback(2, 5, 0.5f, 8f, 10);
    List<String> plain = ids(service(Feedback.OFF).search(volcano().build()));
    assertTrue(plain.indexOf("museum") < plain.indexOf("late-lava"), "longer, so lower without feedback: " + plain);

    SearchResult wide = service(fb).search(volcano().build());
    List<String> rescored = ids(wide);
    assertTrue(rescored.indexOf("late-lava") < rescored.indexOf("museum"), "lava and ash lift it: " + rescored);
    assertTrue(feedbackPart(hit(wide, "late-lava")).orElseThrow().detail().contains("lava"),
        hit(wide, "late-lava").explanation().summary());

    SearchResult narrow = service(fb.rescoring(3)).search(volcano().build());
    assertTrue(feedbackPart(hit(narrow, "late-lava")).isEmpty(), "last in the first search, not rescored: "
        + hit(narrow, "late-lava").explanation().summary());
    List<String> order = ids(narrow);
    assertTrue(order.indexOf("museum") < order.indexOf("late-lava"), order.toString());
  }

  @Test
  void feedback_keeps_the_matches_totals_and_facets_of_the_query() throws Exception {
    for (int rescored : new int[] {0, 3, 100}) {
      Feedback fb = new Feedback(2, 5, 0.5f, 8f, rescored);
      SearchResult without = service(Feedback.OFF).search(volcano().build());
      SearchResult with = service(fb).search(volcano().build());
      assertEquals(without.total(), with.total());
      assertEquals(6, with.total());
      assertEquals(java.util.Set.copyOf(ids(without)), java.util.Set.copyOf(ids(with)));
      assertEquals(without.facets(), with.facets());
      if (rescored != 3) { // the top 3 are in feedback's order already
        assertFalse(ids(without).equals(ids(with)), "feedback reorders: " + ids(with));
      }
    }
  }

  @Test
  void every_part_of_an_explanation_adds_up_to_the_score() throws Exception {
    SearchResult r = service(new Feedback(2, 5, 0.5f, 8f, 4)).search(volcano().build());
    List<String> withFeedback = new ArrayList<>();
    for (Hit h : r.hits()) {
      assertNotNull(h.explanation());
      double sum = h.explanation().parts().stream().mapToDouble(ScorePart::value).sum();
      assertEquals(h.score(), sum, 0.01, h.explanation().summary());
      if (feedbackPart(h).isPresent()) {
        withFeedback.add(h.id());
      }
    }
    // late-lava has the words too (lava, ash), but is not among the first search's top 4.
    assertEquals(List.of("eruption-1", "eruption-2"), withFeedback.stream().sorted().toList());
    assertTrue(feedbackPart(hit(r, "late-lava")).isEmpty(), hit(r, "late-lava").explanation().summary());
  }

  @Test
  void the_first_search_looks_among_the_articles_the_filters_let_through() throws Exception {
    SearchResult r = service(new Feedback(2, 5, 0.5f, 8f, 100))
        .search(volcano().sources(List.of("Outdoor")).build());
    assertEquals(List.of("trail-1", "trail-2"), ids(r).stream().sorted().toList());
    String words = feedbackPart(r.hits().get(0)).orElseThrow().detail();
    assertTrue(words.contains("trail") && !words.contains("lava"), words);
  }

  @Test
  void newest_first_is_not_reordered_so_it_gets_no_feedback() throws Exception {
    SearchResult r = service(new Feedback(2, 5, 0.5f, 8f, 100)).search(volcano().sort(SortOrder.DATE).build());
    assertEquals("trail-2", r.hits().get(0).id());
    assertTrue(r.hits().stream().allMatch(h -> feedbackPart(h).isEmpty()), r.hits().get(0).explanation().summary());
  }
}

package io.newssearch.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.TestIndexes;
import io.newssearch.article.Article;
import io.newssearch.search.Durations;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SortOrder;
import io.newssearch.search.SearchResult.Hit;
import io.newssearch.search.SearchResult.ScoreExplanation;
import io.newssearch.search.SearchResult.ScorePart;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** explain=true: the parts of a score, the same on every backend (Solr's explanation is read in our terms). */
abstract class ExplainContract extends FixtureContract {

  @Override
  List<Article> fixture() {
    return TestIndexes.newsroom();
  }


  static final Instant NOW = Instant.parse("2025-01-16T00:00:00Z");



  static Map<String, Double> parts(ScoreExplanation e) {
    return e.parts().stream().collect(Collectors.toMap(ScorePart::name, ScorePart::value));
  }

  static void assertAddsUp(Hit h) {
    double sum = h.explanation().parts().stream().mapToDouble(ScorePart::value).sum();
    assertEquals(h.score(), sum, 0.01 + h.score() * 1e-3, h.explanation().summary());
    assertEquals(h.score(), h.explanation().score(), 0.001);
  }

  @Test
  void parts_split_title_body_and_proximity_and_add_up_to_the_score() throws Exception {
    SearchResult r = engine.search().search(SearchRequest.builder().query("naval drill").explain(true).build());
    for (Hit h : r.hits()) {
      assertAddsUp(h);
    }
    Map<String, Double> top = parts(r.hits().get(0).explanation());
    assertTrue(top.get("title") > 0, top.toString());
    assertTrue(top.get("body") > 0, top.toString());
    assertTrue(top.get("proximity") > 0, top.toString());
    assertTrue(r.hits().get(0).explanation().summary().startsWith("title "));
  }

  @Test
  void recency_part_is_what_the_decay_took_and_shows_the_scale() throws Exception {
    for (Duration scale : new Duration[] {Duration.ofDays(7), Duration.ofDays(365)}) {
      SearchResult r = engine.search().search(SearchRequest.builder().query("river flood")
          .sort(SortOrder.RECENCY).now(NOW).recencyScale(scale).explain(true).build());
      for (Hit h : r.hits()) {
        assertAddsUp(h);
        ScorePart recency = h.explanation().parts().stream()
            .filter(p -> p.name().equals("recency")).findFirst().orElseThrow();
        assertTrue(recency.value() <= 0, recency.toString());
        assertTrue(recency.detail().contains("half-life " + Durations.format(scale)), recency.detail());
      }
    }
  }

  @Test
  void a_shorter_scale_decays_an_old_story_more() throws Exception {
    double week = oldStoryScore(Duration.ofDays(7));
    double year = oldStoryScore(Duration.ofDays(365));
    assertTrue(week < year, week + " vs " + year);
  }

  private double oldStoryScore(Duration scale) throws Exception {
    SearchResult r = engine.search().search(SearchRequest.builder().query("river flood")
        .sort(SortOrder.RECENCY).now(NOW).recencyScale(scale).collapse(false).build());
    return r.hits().stream().filter(h -> h.id().equals("flood-old")).findFirst().orElseThrow().score();
  }

  @Test
  void without_explain_hits_carry_no_explanation() throws Exception {
    SearchResult r = engine.search().search(SearchRequest.builder().query("naval").build());
    assertNull(r.hits().get(0).explanation());
  }
}

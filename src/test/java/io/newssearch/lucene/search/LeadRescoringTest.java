package io.newssearch.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.TestIndexes;
import io.newssearch.article.Article;
import io.newssearch.search.Ranking;
import io.newssearch.search.ScoreBreakdown;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SearchResult.Hit;
import io.newssearch.search.SearchResult.ScorePart;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query's words in the lead of the top articles ({@link LeadWords}): of two reports holding
 * the same words as often, the one whose opening holds them comes first; matches, totals and
 * facets stay the query's; the explanation shows a lead part and its parts add up to the score.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadRescoringTest {

  private RankedServices services;

  @BeforeAll
  void index(@TempDir Path tmp) throws Exception {
    String filler = " The council also discussed roads, parks, school meals and the library budget for the year.";
    List<Article> articles = new ArrayList<>(List.of(
        // The event in its first sentence, then other business.
        TestIndexes.article("lead", "en", "2024-05-01", "",
            "Flood waters closed the harbour bridge on Monday." + filler + filler + filler, "Gazette"),
        // The same words as often, the event told only after the other business: shorter, so
        // first by the words alone.
        TestIndexes.article("late", "en", "2024-05-02", "",
            filler.strip() + filler + " Flood waters closed the harbour bridge on Monday.", "Gazette"),
        // Another language's article sharing a word, so the query has a branch per analyzer.
        TestIndexes.article("other-language", "sn", "2024-05-03", "", "Bridge yakavharwa nemvura.", "Herald")));
    for (int i = 0; i < 20; i++) {
      articles.add(TestIndexes.article("filler-" + i, "en", "2024-04-0" + (1 + i % 9), "",
          "Weather report " + i + ": rain expected over the hills, wind from the west.", "Met"));
    }
    services = new RankedServices(tmp, articles);
  }

  @AfterAll
  void close() throws Exception {
    services.close();
  }

  private static SearchRequest query() {
    return SearchRequest.builder().query("harbour bridge closed by flood").collapse(false).explain(true).size(50)
        .build();
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  @Test
  void the_report_whose_lead_holds_the_words_comes_first_and_the_matches_stay() throws Exception {
    SearchResult without = services.with(Ranking.DEFAULT.withLead(Ranking.Lead.OFF)).search(query());
    SearchResult with = services.with(Ranking.DEFAULT).search(query());
    assertEquals("late", ids(without).get(0), ids(without).toString());
    assertEquals("lead", ids(with).get(0), ids(with).toString());
    assertEquals(without.total(), with.total());
    assertEquals(Set.copyOf(ids(without)), Set.copyOf(ids(with)));
    assertEquals(without.facets(), with.facets());
  }

  @Test
  void the_lead_is_a_part_of_the_explanation_and_the_parts_add_up() throws Exception {
    Map<String, Hit> hits = services.with(Ranking.DEFAULT).search(query()).hits().stream()
        .collect(Collectors.toMap(Hit::id, h -> h));
    ScorePart lead = hits.get("lead").explanation().parts().stream()
        .filter(p -> p.name().equals(ScoreBreakdown.LEAD_LABEL)).findFirst().orElseThrow();
    assertTrue(lead.value() > 0, hits.get("lead").explanation().summary());
    // The words it found there, as the analyzer indexed them.
    assertTrue(lead.detail().contains("flood") && lead.detail().contains("harbour"), lead.detail());
    assertEquals(0, lead(hits.get("late")), hits.get("late").explanation().summary());
    for (Hit h : hits.values()) {
      assertEquals(h.score(), h.explanation().parts().stream().mapToDouble(ScorePart::value).sum(),
          0.01 + h.score() * 1e-3, h.explanation().summary());
    }
  }

  private static double lead(Hit h) {
    return h.explanation().parts().stream().filter(p -> p.name().equals(ScoreBreakdown.LEAD_LABEL))
        .mapToDouble(ScorePart::value).sum();
  }
}

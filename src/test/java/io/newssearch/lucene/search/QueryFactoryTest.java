package io.newssearch.lucene.search;

import io.newssearch.search.Ranking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.analysis.LanguageAnalyzers;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryFactoryTest {

  private final QueryFactory queries = new QueryFactory(new LanguageAnalyzers());

  @Test
  void lenient_question_mark_ending_a_word_is_punctuation_not_a_wildcard() {
    assertEquals(queries.textQuery("does inflation fall", false, false, Set.of("en")),
        queries.textQuery("does inflation fall?", false, false, Set.of("en")));
  }

  @Test
  void strict_question_mark_stays_the_one_character_wildcard() {
    var q = queries.textQuery("title:fal?", true, false, Set.of("en"));
    assertTrue(q.toString().contains("title:fal?"), q.toString());
  }

  @Test
  void proximity_phrase_keeps_the_typed_word_order() {
    String q = queries.textQuery("naval drill caspian sea", false, false, Set.of("en")).toString();
    assertTrue(q.contains("body:\"naval drill caspian sea\"~8"), q);
  }

  @Test
  void pairwise_proximity_adds_one_sloppy_phrase_per_neighbouring_pair() {
    QueryFactory pairwise = new QueryFactory(new LanguageAnalyzers(), Ranking.DEFAULT.withPairwiseProximity(true));
    String q = pairwise.textQuery("naval drill caspian sea", false, false, Set.of("en")).toString();
    assertTrue(q.contains("body:\"naval drill\"~8") && q.contains("body:\"caspian sea\"~8"), q);
    assertFalse(queries.textQuery("naval drill caspian sea", false, false, Set.of("en")).toString()
        .contains("body:\"naval drill\"~8"));
  }
}

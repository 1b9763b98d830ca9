package io.newssearch.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.search.Ranking;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shape of the text query: what each piece of syntax becomes (scores are in RankingFeaturesTest). */
class QueryFactoryTest {

  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private final QueryFactory queries = new QueryFactory(analyzers);

  private String query(QueryFactory f, String text) {
    return f.textQuery(text, false, false, Set.of("en")).toString();
  }

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
  void with_bm25f_a_word_without_a_field_is_one_term_over_body_and_title() {
    String q = query(new QueryFactory(analyzers, Ranking.DEFAULT.withFields(Ranking.Fields.BM25F)), "drills");
    assertTrue(q.contains("CombinedFieldQuery((body title^" + Ranking.TITLE_WEIGHT + ")(drill))"), q);
    assertFalse(q.contains("body:drill"), q);
  }

  @Test
  void the_default_per_field_sum_scores_title_and_body_apart() {
    String q = query(queries, "drills");
    assertTrue(q.contains("(body:drill)^1.0") && q.contains("(title:drill)^" + Ranking.TITLE_WEIGHT), q);
    assertFalse(q.contains("CombinedFieldQuery"), q);
  }

  @Test
  void a_word_naming_its_field_searches_that_field_alone() {
    String q = query(queries, "title:drills");
    assertEquals("title:drill", q);
  }

  @Test
  void a_quoted_phrase_is_scored_per_field_with_the_title_weighted() {
    String q = query(queries, "\"naval drill\"");
    assertTrue(q.contains("body:\"naval drill\"") && q.contains("(title:\"naval drill\")^" + Ranking.TITLE_WEIGHT), q);
  }

  @Test
  void excluded_and_required_words_keep_their_operators() {
    String q = query(new QueryFactory(analyzers, Ranking.DEFAULT.withFields(Ranking.Fields.BM25F)), "+naval -drill");
    assertTrue(q.startsWith("+CombinedFieldQuery") && q.contains("-CombinedFieldQuery"), q);
  }

  @Test
  void proximity_phrase_of_all_words_keeps_the_typed_word_order() {
    var all = new QueryFactory(analyzers, Ranking.DEFAULT.withProximity(Ranking.Proximity.ALL_WORDS, 1f, 8));
    String q = query(all, "naval drill caspian sea");
    assertTrue(q.contains("body:\"naval drill caspian sea\"~8"), q);
  }

  @Test
  void pairwise_proximity_adds_one_sloppy_phrase_per_neighbouring_pair() {
    var pairs = new QueryFactory(analyzers, Ranking.DEFAULT.withProximity(Ranking.Proximity.PAIRS, 0.5f, 4));
    String q = query(pairs, "naval drill caspian sea");
    assertTrue(q.contains("(body:\"naval drill\"~4)^0.5") && q.contains("(body:\"drill caspian\"~4)^0.5")
        && q.contains("(body:\"caspian sea\"~4)^0.5"), q);
    assertFalse(q.contains("body:\"naval drill caspian sea\""), q);
  }

  @Test
  void one_word_gets_no_proximity_phrase() {
    var pairs = new QueryFactory(analyzers, Ranking.DEFAULT.withProximity(Ranking.Proximity.PAIRS, 0.5f, 4));
    assertFalse(query(pairs, "drills").contains("~4"));
  }

  @Test
  void each_analyzer_parses_the_query_for_its_own_languages() {
    String q = queries.textQuery("elections", false, false, Set.of("en", "fr", "sw")).toString();
    assertTrue(q.contains("(body:elect)^1.0 (title:elect)^2.0) #IndexOrDocValuesQuery(indexQuery=language:(en)"), q);
    assertTrue(q.contains("(body:election)^1.0 (title:election)^2.0) #IndexOrDocValuesQuery(indexQuery=language:(fr)"), q);
    assertTrue(q.contains("(body:elections)^1.0 (title:elections)^2.0) #IndexOrDocValuesQuery(indexQuery=language:(sw)"), q);
  }
}

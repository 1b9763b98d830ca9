package io.newssearch.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.TestIndexes;
import io.newssearch.article.Article;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SearchResult.Hit;
import io.newssearch.search.SortOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pieces of a few letters of the query's words rescore its top articles in languages without a
 * stemmer, on every engine: a Shona article whose words carry other prefixes than the headline's
 * moves above one that repeats a single word of it; newest first is not rescored; explanations show
 * the pieces as a part of their own and still add up; paging by cursor or by page number keeps the
 * rescored order; an English article (a stemmer of its own) gets no pieces; a piece counts by being
 * there more than by being repeated; a noun behind a prefix is found by itself.
 */
abstract class SubwordContract extends FixtureContract {

  private static final String HEADLINE = "Vechidiki voita ongororo kushaikwa mari mabhangi munyika";

  @Override
  List<Article> fixture() {
    List<Article> articles = new ArrayList<>(List.of(
        // The headline's words with prefixes attached: only "vechidiki" matches as a whole word.
        TestIndexes.article("inflected", "sn", "2024-05-01", "Nhau",
            "Vechidiki muBulawayo vatanga kuongororwa kwekushaikwa kwemari mumabhangi emunyika.", "Zim"),
        // "vechidiki" twice in a shorter text: first by the words alone.
        TestIndexes.article("repeats", "sn", "2024-05-02", "Bhora", "Vechidiki vechidiki vakahwina bhora.", "Zim"),
        TestIndexes.article("english", "en", "2024-05-03", "Banks audited",
            "Auditors examined the banks after money went missing.", "Wire"),
        // For "Vatsigiri vorumbidza Nakamba": pieces of all three words, each once ...
        TestIndexes.article("covers", "sn", "2024-06-01", "Nhabvu", "Vatsigiri vari kurumbira Nakamba pamutambo wavo.",
            "Zim"),
        // ... or two of them, repeated.
        TestIndexes.article("repeats-two", "sn", "2024-06-02", "Nhabvu",
            "Nakamba Nakamba Nakamba Nakamba Nakamba Nakamba vatsigiri vatsigiri vatsigiri vatsigiri vatsigiri"
                + " vatsigiri.", "Zim")));
    for (int i = 0; i < 20; i++) {
      articles.add(TestIndexes.article("filler-" + i, "sn", "2024-04-0" + (1 + i % 9), "Mamiriro " + i,
          "Mvura inotarisirwa kunaya mudunhu pazuva " + i + " " + "nemhepo ".repeat(1 + i) + "kumaodzanyemba.",
          "Met"));
    }
    return articles;
  }

  private SearchResult headline(SearchRequest.Builder b) throws Exception {
    return search.search(b.query(HEADLINE).explain(true).build());
  }

  private static double pieces(Hit h) {
    return ExplainContract.parts(h.explanation()).getOrDefault("subwords", 0.0);
  }

  @Test
  void an_article_with_the_words_inflected_moves_above_one_that_repeats_a_word() throws Exception {
    for (boolean collapse : new boolean[] {false, true}) {
      List<Hit> hits = headline(SearchRequest.builder().collapse(collapse).size(50)).hits();
      assertEquals("inflected", hits.get(0).id(), hits.stream().map(Hit::id).toList().toString());
      Hit inflected = hits.get(0);
      Hit repeats = hits.stream().filter(h -> h.id().equals("repeats")).findFirst().orElseThrow();
      assertTrue(pieces(inflected) > pieces(repeats), inflected.explanation().summary());
      // By the words alone the other one is first: the pieces moved it.
      assertTrue(repeats.score() - pieces(repeats) > inflected.score() - pieces(inflected),
          repeats.explanation().summary() + " / " + inflected.explanation().summary());
    }
  }

  /** A piece counts once, by its rarity (Ranking.SUBWORDS_BM25; the schema's field type on Solr). */
  @Test
  void an_article_holding_pieces_of_every_word_gets_more_from_them_than_one_repeating_two() throws Exception {
    List<Hit> hits = search.search(SearchRequest.builder().query("Vatsigiri vorumbidza Nakamba").collapse(false)
        .explain(true).build()).hits();
    Hit covers = hits.stream().filter(h -> h.id().equals("covers")).findFirst().orElseThrow();
    Hit repeats = hits.stream().filter(h -> h.id().equals("repeats-two")).findFirst().orElseThrow();
    assertTrue(pieces(covers) > pieces(repeats), covers.explanation().summary() + " / " + repeats.explanation().summary());
    ExplainContract.assertAddsUp(covers);
    ExplainContract.assertAddsUp(repeats);
  }

  @Test
  void every_part_adds_up_to_the_score_also_with_recency() throws Exception {
    for (SortOrder sort : new SortOrder[] {SortOrder.RELEVANCE, SortOrder.RECENCY}) {
      SearchResult r = headline(SearchRequest.builder().collapse(false).sort(sort).now(ExplainContract.NOW).size(50));
      assertTrue(r.hits().size() >= 2, r.hits().toString());
      for (Hit h : r.hits()) {
        ExplainContract.assertAddsUp(h);
      }
      assertTrue(pieces(r.hits().get(0)) > 0, r.hits().get(0).explanation().summary());
    }
  }

  @Test
  void newest_first_is_not_rescored() throws Exception {
    SearchResult r = search.search(SearchRequest.builder().query("vechidiki").collapse(false).explain(true)
        .sort(SortOrder.DATE).build());
    assertEquals(List.of("repeats", "inflected"), r.hits().stream().map(Hit::id).toList());
    for (Hit h : r.hits()) {
      assertEquals(0.0, pieces(h), h.explanation().summary());
    }
  }

  @Test
  void pages_and_cursors_keep_the_rescored_order() throws Exception {
    List<String> whole = headline(SearchRequest.builder().collapse(false).size(50)).hits().stream()
        .map(Hit::id).toList();
    List<String> byCursor = new ArrayList<>();
    String cursor = null;
    do {
      SearchResult page = headline(SearchRequest.builder().collapse(false).size(1).cursor(cursor));
      page.hits().forEach(h -> byCursor.add(h.id()));
      cursor = page.nextCursor();
    } while (cursor != null && byCursor.size() < 60);
    assertEquals(whole, byCursor);
    List<String> byPage = new ArrayList<>();
    for (int p = 1; p <= whole.size(); p++) {
      headline(SearchRequest.builder().collapse(false).size(1).page(p)).hits().forEach(h -> byPage.add(h.id()));
    }
    assertEquals(whole, byPage);
  }

  /**
   * A noun written behind a prefix with its capital kept (muBulawayo) is found by the noun alone, and
   * by the noun behind another prefix: words the pieces could only reorder, not find.
   */
  @Test
  void a_noun_behind_a_prefix_is_found_by_itself_and_behind_another_prefix() throws Exception {
    for (String q : new String[] {"Bulawayo", "kuBulawayo"}) {
      List<String> ids = search.search(SearchRequest.builder().query(q).collapse(false).build()).hits().stream()
          .map(Hit::id).toList();
      assertEquals(List.of("inflected"), ids, q);
    }
  }

  @Test
  void a_language_with_a_stemmer_gets_no_pieces() throws Exception {
    SearchResult r = search.search(SearchRequest.builder().query("banks money").explain(true).build());
    assertEquals("english", r.hits().get(0).id());
    Map<String, Double> parts = ExplainContract.parts(r.hits().get(0).explanation());
    assertEquals(null, parts.get("subwords"), parts.toString());
    ExplainContract.assertAddsUp(r.hits().get(0));
  }
}

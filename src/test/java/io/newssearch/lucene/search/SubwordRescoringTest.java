package io.newssearch.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.TestIndexes;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.search.AskedWords;
import io.newssearch.search.CheckedQuery;
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
 * Pieces of the query's words ({@link SubwordPieces}) rescoring the top articles of the embedded
 * engine: matches, totals and facets stay the query's own while the order changes; excluded words
 * and other fields are not cut into pieces. What both engines do alike (the inflected article
 * first, newest first untouched, explanations adding up, paging) is {@code backend.SubwordContract}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubwordRescoringTest {

  private RankedServices services;

  @BeforeAll
  void index(@TempDir Path tmp) throws Exception {
    List<Article> articles = new ArrayList<>(List.of(
        // The headline's words with prefixes attached: only "vechidiki" matches as a whole word.
        TestIndexes.article("inflected", "sn", "2024-05-01", "Nhau",
            "Vechidiki muBulawayo vatanga kuongororwa kwekushaikwa kwemari mumabhangi emunyika.", "Zim"),
        // "vechidiki" twice in a shorter text: first by the words alone.
        TestIndexes.article("repeats", "sn", "2024-05-02", "Bhora", "Vechidiki vechidiki vakahwina bhora.", "Zim"),
        // For "Vatsigiri vorumbidza Nakamba": pieces of all three words, each once ("kurumbira"
        // shares two of "vorumbidza"'s) ...
        TestIndexes.article("covers", "sn", "2024-06-01", "Nhabvu",
            "Vatsigiri vari kurumbira Nakamba pamutambo wavo.", "Zim"),
        // ... or two of them, repeated.
        TestIndexes.article("repeats-two", "sn", "2024-06-02", "Nhabvu",
            "Nakamba Nakamba Nakamba Nakamba Nakamba Nakamba vatsigiri vatsigiri vatsigiri vatsigiri vatsigiri"
                + " vatsigiri.", "Zim")));
    for (int i = 0; i < 20; i++) {
      articles.add(TestIndexes.article("filler-" + i, "sn", "2024-04-0" + (1 + i % 9), "Mamiriro " + i,
          "Mvura inotarisirwa kunaya mudunhu pazuva " + i + " nemhepo.", "Met"));
    }
    services = new RankedServices(tmp, articles);
  }

  @AfterAll
  void close() throws Exception {
    services.close();
  }

  private LuceneSearchService service(float subwords) throws java.io.IOException {
    return services.with(Ranking.DEFAULT.withSubwords(subwords));
  }

  private static SearchRequest headline() {
    return SearchRequest.builder().query("Vechidiki voita ongororo kushaikwa mari mabhangi munyika")
        .collapse(false).explain(true).size(50).build();
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  @Test
  void pieces_keep_the_matches_totals_and_facets_of_the_query() throws Exception {
    SearchResult without = service(0f).search(headline());
    SearchResult with = service(Ranking.SUBWORDS).search(headline());
    assertEquals(without.total(), with.total());
    assertEquals(Set.copyOf(ids(without)), Set.copyOf(ids(with)));
    assertEquals(without.facets(), with.facets());
    assertNotEquals(ids(without), ids(with));
  }

  /**
   * Pieces count by how many of the query's an article holds ({@link Ranking#SUBWORDS_BM25}, k1
   * 0.1), not by how often it repeats some: with Lucene's k1 the article repeating two of the words
   * gets the larger pieces part.
   */
  @Test
  void an_article_holding_more_of_the_pieces_scores_above_one_repeating_a_few() throws Exception {
    SearchRequest q = SearchRequest.builder().query("Vatsigiri vorumbidza Nakamba").collapse(false).explain(true)
        .build();
    Map<String, Hit> byDefault = byId(services.with(Ranking.DEFAULT).search(q));
    assertTrue(pieces(byDefault.get("covers")) > pieces(byDefault.get("repeats-two")), byDefault.toString());
    Map<String, Hit> byLucene = byId(services.with(Ranking.DEFAULT.withSubwordsBm25(Ranking.Bm25.LUCENE)).search(q));
    assertTrue(pieces(byLucene.get("covers")) < pieces(byLucene.get("repeats-two")), byLucene.toString());
    for (Hit h : byDefault.values()) {
      assertEquals(h.score(), h.explanation().parts().stream().mapToDouble(ScorePart::value).sum(),
          0.01 + h.score() * 1e-3, h.explanation().summary());
    }
  }

  private static Map<String, Hit> byId(SearchResult r) {
    return r.hits().stream().collect(Collectors.toMap(Hit::id, h -> h));
  }

  private static double pieces(Hit h) {
    return h.explanation().parts().stream().filter(p -> p.name().equals(ScoreBreakdown.SUBWORDS_LABEL))
        .mapToDouble(ScorePart::value).sum();
  }

  @Test
  void only_the_words_asked_for_in_the_text_are_cut() {
    var words = services.analyzers().forKey(LanguageAnalyzers.FALLBACK_KEY);
    assertEquals(Set.of("vechidiki", "mari", "ongororo", "yekushaikwa"), Set.copyOf(AskedWords.of(
        new CheckedQuery("Vechidiki -bhora mari NOT mvura source:Zim \"ongororo yekushaikwa\" title:x*", false, false),
        words)));
    assertEquals(List.of(), AskedWords.of(new CheckedQuery("source:Zim", false, false), words));
  }
}

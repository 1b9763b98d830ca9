package io.newssearch.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.TestIndexes;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.lucene.IndexHandle;
import io.newssearch.lucene.IndexLayout;
import io.newssearch.search.CheckedQuery;
import io.newssearch.search.Ranking;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SearchResult.Hit;
import io.newssearch.search.SearchResult.ScorePart;
import io.newssearch.search.SortOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pieces of the query's words ({@link SubwordPieces}) rescoring the top articles, through the
 * search service as a request runs: an article whose words carry other prefixes than the query's
 * (Shona, no stemmer) moves above one that repeats a single word, while matches, totals and facets
 * stay the query's own; newest first is not rescored; explanations add up; excluded words and
 * other fields are not cut into pieces.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubwordRescoringTest {

  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private final List<LuceneSearchService> services = new ArrayList<>();
  private Path dir;

  @BeforeAll
  void index(@TempDir Path tmp) throws Exception {
    dir = tmp;
    List<Article> articles = new ArrayList<>(List.of(
        // The headline's words with prefixes attached: only "vechidiki" matches as a whole word.
        TestIndexes.article("inflected", "sn", "2024-05-01", "Nhau",
            "Vechidiki muBulawayo vatanga kuongororwa kwekushaikwa kwemari mumabhangi emunyika.", "Zim"),
        // "vechidiki" twice in a shorter text: first by the words alone.
        TestIndexes.article("repeats", "sn", "2024-05-02", "Bhora", "Vechidiki vechidiki vakahwina bhora.", "Zim")));
    for (int i = 0; i < 20; i++) {
      articles.add(TestIndexes.article("filler-" + i, "sn", "2024-04-0" + (1 + i % 9), "Mamiriro " + i,
          "Mvura inotarisirwa kunaya mudunhu pazuva " + i + " nemhepo.", "Met"));
    }
    TestIndexes.write(dir, articles);
  }

  @AfterAll
  void close() throws Exception {
    for (LuceneSearchService s : services) {
      s.close();
    }
    analyzers.close();
  }

  private LuceneSearchService service(float subwords) throws java.io.IOException {
    LuceneSearchService s = new LuceneSearchService(new IndexHandle(new IndexLayout(dir), Duration.ofHours(1)),
        analyzers, Ranking.DEFAULT.withSubwords(subwords));
    services.add(s);
    return s;
  }

  private static SearchRequest headline() {
    return SearchRequest.builder().query("Vechidiki voita ongororo kushaikwa mari mabhangi munyika")
        .collapse(false).explain(true).size(50).build();
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  private static Optional<ScorePart> piecesPart(Hit h) {
    return h.explanation().parts().stream().filter(p -> p.name().equals("subwords")).findFirst();
  }

  @Test
  void an_article_with_the_words_inflected_moves_above_one_that_repeats_a_word() throws Exception {
    List<String> words = ids(service(0f).search(headline()));
    assertEquals("repeats", words.get(0), "by whole words: " + words);
    SearchResult pieces = service(Ranking.SUBWORDS).search(headline());
    assertEquals("inflected", pieces.hits().get(0).id(), ids(pieces).toString());
    assertTrue(piecesPart(pieces.hits().get(0)).orElseThrow().value() > 0, pieces.hits().get(0).explanation().summary());
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

  @Test
  void every_part_of_an_explanation_adds_up_to_the_score() throws Exception {
    for (Hit h : service(Ranking.SUBWORDS).search(headline()).hits()) {
      double sum = h.explanation().parts().stream().mapToDouble(ScorePart::value).sum();
      assertEquals(h.score(), sum, 0.01, h.explanation().summary());
    }
  }

  @Test
  void newest_first_is_not_reordered_so_it_gets_no_pieces() throws Exception {
    SearchResult r = service(Ranking.SUBWORDS).search(SearchRequest.builder().query("vechidiki")
        .collapse(false).explain(true).sort(SortOrder.DATE).build());
    assertEquals(List.of("repeats", "inflected"), ids(r));
    assertTrue(r.hits().stream().allMatch(h -> piecesPart(h).isEmpty()), r.hits().get(0).explanation().summary());
  }

  @Test
  void only_the_words_asked_for_in_the_text_are_cut() {
    var words = analyzers.forKey(LanguageAnalyzers.FALLBACK_KEY);
    assertEquals(Set.of("vechidiki", "mari", "ongororo", "yekushaikwa"), Set.copyOf(SubwordPieces.askedWords(
        new CheckedQuery("Vechidiki -bhora mari NOT mvura source:Zim \"ongororo yekushaikwa\" title:x*", false, false),
        words)));
    assertEquals(List.of(), SubwordPieces.askedWords(new CheckedQuery("source:Zim", false, false), words));
  }
}

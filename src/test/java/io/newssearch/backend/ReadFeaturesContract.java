package io.newssearch.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.TestIndexes;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.InvalidRequestException;
import io.newssearch.search.RelatedRequest;
import io.newssearch.search.SuggestRequest;
import io.newssearch.search.IndexStats;
import io.newssearch.article.Article;
import io.newssearch.search.SearchResult.Hit;
import io.newssearch.search.SuggestResult.Kind;
import io.newssearch.search.SuggestResult.Suggestion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Related articles, completions, did-you-mean and stats on {@link TestIndexes#newsroom()}, with the
 * expected answers written down from the fixture: the two naval stories share Caspian, Iran,
 * naval, rescue, exercise and sea; the economy stories share none of that; flood-old and flood-new
 * are exact copies.
 */
abstract class ReadFeaturesContract extends FixtureContract {

  @Override
  List<Article> fixture() {
    return TestIndexes.newsroom();
  }

  List<String> related(String id, int size) throws Exception {
    return search.related(new RelatedRequest(id, size)).orElseThrow().hits().stream().map(Hit::id).toList();
  }

  @Test
  void naval_stories_are_related_to_each_other_and_not_to_economy_ones() throws Exception {
    List<String> ids = related("naval-1", 5);
    assertEquals("naval-2", ids.get(0), ids.toString());
    assertFalse(ids.contains("economy-1") || ids.contains("economy-2"), ids.toString());
    assertEquals("naval-1", related("naval-2", 5).get(0));
    List<String> economy = related("economy-1", 5);
    assertEquals("economy-2", economy.get(0), economy.toString());
    assertFalse(economy.contains("naval-1") || economy.contains("naval-2"), economy.toString());
  }

  @Test
  void related_stays_in_the_article_language_and_excludes_itself() throws Exception {
    List<String> ids = related("naval-1", 50);
    assertFalse(ids.contains("naval-1"));
    assertFalse(ids.contains("ru-1"), "the Russian naval story is another language");
  }

  @Test
  void related_hits_have_the_search_hit_shape_with_highlights() throws Exception {
    Hit h = search.related(new RelatedRequest("naval-1", 5)).orElseThrow().hits().get(0);
    assertEquals("Observers watch Caspian exercise", h.title());
    assertEquals("en", h.language());
    assertTrue(h.score() > 0);
    assertTrue(h.highlight().title().contains("<mark>"), h.highlight().title());
  }

  @Test
  void exact_copies_are_not_related_articles() throws Exception {
    assertFalse(related("flood-old", 50).contains("flood-new"));
    assertFalse(related("flood-new", 50).contains("flood-old"));
  }

  @Test
  void related_of_an_unknown_id_is_empty_and_size_is_validated() throws Exception {
    assertTrue(search.related(new RelatedRequest("no-such-id", 5)).isEmpty());
    assertThrows(InvalidRequestException.class, () -> new RelatedRequest("naval-1", 0));
    assertThrows(InvalidRequestException.class, () -> new RelatedRequest("naval-1", RelatedRequest.MAX_SIZE + 1));
  }

  @Test
  void suggest_completes_a_word_inside_a_title() throws Exception {
    List<Suggestion> s = search.suggest(new SuggestRequest("nav", 8)).suggestions();
    assertEquals(1, s.size(), s.toString());
    assertEquals("Iran and Russia launch joint naval drill in Caspian Sea", s.get(0).text());
    assertEquals("Iran and Russia launch joint <b>nav</b>al drill in Caspian Sea", s.get(0).highlighted());
    assertEquals(Kind.TITLE, s.get(0).kind());
  }

  @Test
  void suggest_offers_tags_and_titles_for_all_typed_words() throws Exception {
    List<Suggestion> s = search.suggest(new SuggestRequest("caspian s", 8)).suggestions();
    assertTrue(s.contains(new Suggestion("Caspian Sea", "<b>Caspian</b> <b>S</b>ea", Kind.TAG)), s.toString());
    assertTrue(s.stream().anyMatch(x -> x.kind() == Kind.TITLE && x.text().contains("Caspian Sea")), s.toString());
    assertTrue(s.stream().noneMatch(x -> x.text().equals("Observers watch Caspian exercise")),
        "every typed word must match: " + s);
  }

  @Test
  void suggest_escapes_html_in_titles() throws Exception {
    List<Suggestion> s = search.suggest(new SuggestRequest("markup", 8)).suggestions();
    assertEquals("<b>Markup</b> &lt;script&gt;alert(1)&lt;/script&gt; in a headline", s.get(0).highlighted());
  }

  @Test
  void suggest_request_is_validated() {
    assertThrows(InvalidRequestException.class, () -> new SuggestRequest(" ", 8));
    assertThrows(InvalidRequestException.class, () -> new SuggestRequest("x".repeat(101), 8));
    assertThrows(InvalidRequestException.class, () -> new SuggestRequest("nav", 21));
    assertThrows(InvalidRequestException.class, () -> new SuggestRequest("nav", 0));
  }

  @Test
  void misspelled_search_with_few_hits_suggests_the_index_spelling() throws Exception {
    SearchResult r = search.search(SearchRequest.builder().query("caspain navel drill").build());
    assertTrue(r.total() < 3);
    assertEquals("caspian naval drill", r.suggestion());
  }

  @Test
  void no_suggestion_when_spelled_right_or_with_query_syntax() throws Exception {
    assertNull(search.search(SearchRequest.builder().query("regatta").build()).suggestion());
    assertNull(search.search(SearchRequest.builder().query("title:caspain").build()).suggestion());
    assertNull(search.search(SearchRequest.builder().query("\"caspain navel\"").strict(true).build()).suggestion());
    assertNull(search.search(SearchRequest.builder().query("").build()).suggestion());
  }

  /** A phrase that finds nothing is searched as words (QuotedPhraseFallback): the words get a did-you-mean. */
  @Test
  void a_misspelled_phrase_searched_as_words_suggests_the_words_spelling() throws Exception {
    SearchResult r = search.search(SearchRequest.builder().query("\"caspain navel\"").build());
    assertEquals(List.of("caspain navel"), r.relaxed().phrases());
    assertEquals("caspian naval", r.suggestion());
  }

  @Test
  void stats_count_exactly_what_the_fixture_holds() throws Exception {
    IndexStats s = search.stats();
    assertEquals(12, s.articles());
    assertEquals(Map.of("en", 9L, "ru", 1L, "de", 1L, "fr", 1L), s.byLanguage());
    assertEquals(Map.of("Coastal Courier", 4L, "Market Ledger", 2L, "Valley Post", 2L, "Harbor Gazette", 1L,
        "Каспийский вестник", 1L, "Stadtbote", 1L, "Le Veilleur", 1L), s.bySource());
    assertEquals(List.of("en", "de", "fr", "ru").get(0), s.byLanguage().keySet().iterator().next(),
        "largest first");
    assertEquals(Instant.parse("2023-11-20T09:00:00Z"), s.oldest());
    assertEquals(Instant.parse("2025-07-28T09:00:00Z"), s.newest());
    assertTrue(s.sizeOnDiskBytes() > 0);
    assertTrue(s.segments() >= 1);
    // The embedded index commits every write; SolrCloud's soft commits make writes visible and the
    // hard commit (autoCommit, within 15 s) writes the commit this reports, null until then.
    assertTrue(s.lastCommit() == null || !s.lastCommit().isAfter(Instant.now()), String.valueOf(s.lastCommit()));
  }
}

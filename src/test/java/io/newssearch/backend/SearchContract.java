package io.newssearch.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.TestIndexes;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SearchMode;
import io.newssearch.search.SortOrder;
import io.newssearch.search.InvalidRequestException;
import io.newssearch.article.Article;
import io.newssearch.search.SearchResult.FacetValue;
import io.newssearch.search.SearchResult.Hit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

abstract class SearchContract extends FixtureContract {

  @Override
  List<Article> fixture() {
    return TestIndexes.newsroom();
  }

  SearchResult run(SearchRequest.Builder b) throws Exception {
    return search.search(b.build());
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  /**
   * Search modes, on an index built without vectors (how both backends build by default). Lexical is
   * the default and may be asked for. Semantic and hybrid are a 400 {@code vectors_unavailable}
   * naming {@code mode}, whose message says how this engine gets vectors (with vectors both run
   * them: {@code VectorModesContract}).
   */
  @Test
  void without_vectors_lexical_is_the_default_and_semantic_or_hybrid_is_a_400_naming_mode() throws Exception {
    assertEquals("lexical", run(SearchRequest.builder().query("naval drill")).mode());
    SearchResult lexical = run(SearchRequest.builder().query("naval drill").mode(SearchMode.LEXICAL));
    assertEquals("naval-1", lexical.hits().get(0).id());
    assertEquals("lexical", lexical.mode());
    for (SearchMode mode : List.of(SearchMode.SEMANTIC, SearchMode.HYBRID)) {
      InvalidRequestException e = assertThrows(InvalidRequestException.class,
          () -> run(SearchRequest.builder().query("naval drill").mode(mode)));
      assertEquals("vectors_unavailable", e.code());
      assertEquals("mode", e.parameter());
      assertTrue(e.getMessage().startsWith("parameter 'mode': " + mode.label() + " search needs article vectors"),
          e.getMessage());
      assertTrue(e.getMessage().contains("index --vectors") || e.getMessage().contains("index --rebuild --vectors"),
          e.getMessage());
      if (backend() == Backend.SOLR) {
        assertTrue(e.getMessage().contains("build the collection with"), e.getMessage());
      }
    }
  }

  @Test
  void title_match_ranks_first_and_is_highlighted() throws Exception {
    SearchResult r = run(SearchRequest.builder().query("naval drill"));
    assertEquals("naval-1", r.hits().get(0).id());
    assertEquals("Iran and Russia launch joint <mark>naval</mark> <mark>drill</mark> in Caspian Sea",
        r.hits().get(0).highlight().title());
    assertTrue(r.hits().get(0).highlight().body().contains("<mark>naval"));
  }

  @Test
  void language_filter_limits_hits_and_language_facet_stays_sideways() throws Exception {
    SearchResult r = run(SearchRequest.builder().query("").languages(List.of("de")));
    assertEquals(List.of("de-1"), ids(r));
    Map<String, FacetValue> langs = r.facets().language().stream()
        .collect(Collectors.toMap(FacetValue::value, v -> v));
    assertEquals(9, langs.get("en").count(), "other languages keep their counts");
    assertTrue(langs.get("de").selected());
    assertFalse(langs.get("en").selected());
  }

  /**
   * {@code facets} names the facets counted: the others are null (left out of the JSON), the ones
   * asked for count as they do by default, and the hits and totals do not change. Both a search by
   * words and the browse of everything (counted once per view on the embedded engine).
   */
  @Test
  void only_the_facets_asked_for_are_counted_and_the_hits_stay_the_same() throws Exception {
    for (String q : List.of("naval drill", "")) {
      SearchResult all = run(SearchRequest.builder().query(q).languages(List.of("en")));
      SearchResult some = run(SearchRequest.builder().query(q).languages(List.of("en"))
          .facets(Set.of(io.newssearch.search.Facet.LANGUAGE, io.newssearch.search.Facet.DATE)));
      SearchResult none = run(SearchRequest.builder().query(q).languages(List.of("en")).facets(Set.of()));
      assertFalse(all.facets().source().isEmpty(), q);
      assertNotNull(all.facets().person(), q);
      assertEquals(all.facets().language(), some.facets().language(), q);
      assertEquals(all.facets().date(), some.facets().date(), q);
      assertNull(some.facets().source(), q);
      assertNull(some.facets().tags(), q);
      assertNull(some.facets().person(), q);
      assertEquals(SearchResult.Facets.NONE, none.facets(), q);
      assertNull(none.facetsCount(), q);
      assertNotNull(some.facetsCount(), q);
      for (SearchResult r : List.of(some, none)) {
        assertEquals(ids(all), ids(r), q);
        assertEquals(all.total(), r.total(), q);
        assertEquals(all.totalArticles(), r.totalArticles(), q);
      }
    }
  }

  @Test
  void tags_must_all_match() throws Exception {
    assertEquals(Set.of("naval-1", "naval-2"),
        new HashSet<>(ids(run(SearchRequest.builder().tags(List.of("Caspian Sea"))))));
    assertEquals(List.of("naval-1"),
        ids(run(SearchRequest.builder().tags(List.of("Caspian Sea", "Russia")))));
  }

  @Test
  void source_and_date_filters_are_inclusive() throws Exception {
    SearchResult r = run(SearchRequest.builder().sources(List.of("Market Ledger"))
        .from(Instant.parse("2025-01-15T00:00:00Z")).to(Instant.parse("2025-01-15T23:59:59.999Z")));
    assertEquals(List.of("economy-2"), ids(r));
  }

  @Test
  void sort_by_date_is_newest_first_with_undated_last() throws Exception {
    List<String> all = ids(run(SearchRequest.builder().sort(SortOrder.DATE).size(20)));
    assertEquals("naval-2", all.get(0));
    assertEquals("undated-1", all.get(all.size() - 1));
  }

  @Test
  void recency_prefers_the_newer_of_two_similar_stories() throws Exception {
    Instant now = Instant.parse("2025-01-16T00:00:00Z");
    List<String> rel = ids(run(SearchRequest.builder().query("river flood").now(now).collapse(false)));
    List<String> recent = ids(run(SearchRequest.builder().query("river flood").sort(SortOrder.RECENCY).now(now)
        .collapse(false)));
    assertEquals(Set.copyOf(rel), Set.copyOf(recent));
    assertEquals(List.of("flood-new", "flood-old"), recent);
    // an old story that is far more relevant still beats a fresh, barely relevant one
    List<String> bank = ids(run(SearchRequest.builder().query("central bank interest rates")
        .sort(SortOrder.RECENCY).now(now)));
    assertEquals("economy-1", bank.get(0));
  }

  @Test
  void cursor_walks_every_hit_exactly_once() throws Exception {
    for (boolean collapse : new boolean[] {false, true}) {
      for (SortOrder sort : SortOrder.values()) {
        SearchResult r = run(SearchRequest.builder().sort(sort).size(3).collapse(collapse));
        long total = r.total();
        List<String> seen = new ArrayList<>(ids(r));
        while (r.nextCursor() != null) {
          r = run(SearchRequest.builder().sort(sort).size(3).collapse(collapse).cursor(r.nextCursor()));
          seen.addAll(ids(r));
        }
        // The identical flood reports are a year apart, so two stories (StoryClusters.MAX_GAP);
        // collapsed paging over real duplicates is in StoryCollapseContract.
        assertEquals(TestIndexes.newsroom().size(), seen.size(), sort + ": " + seen);
        assertEquals(total, seen.size(), sort + " total");
        assertEquals(seen.size(), new HashSet<>(seen).size(), sort + " repeats a hit");
      }
    }
  }

  @Test
  void pages_do_not_overlap() throws Exception {
    List<String> p1 = ids(run(SearchRequest.builder().sort(SortOrder.DATE).size(4).page(1)));
    List<String> p2 = ids(run(SearchRequest.builder().sort(SortOrder.DATE).size(4).page(2)));
    List<String> both = ids(run(SearchRequest.builder().sort(SortOrder.DATE).size(8)));
    List<String> joined = new ArrayList<>(p1);
    joined.addAll(p2);
    assertEquals(both, joined);
  }

  @Test
  void date_histogram_counts_dated_matches() throws Exception {
    SearchResult r = run(SearchRequest.builder());
    long counted = r.facets().date().buckets().stream().mapToLong(SearchResult.DateBucket::count).sum();
    assertEquals(TestIndexes.newsroom().size() - 1, counted);
    assertEquals("month", r.facets().date().interval());
  }

  @Test
  void a_short_span_gets_daily_bars_with_the_empty_days_between() throws Exception {
    SearchResult r = run(SearchRequest.builder().query("caspian").collapse(false));
    assertEquals(Set.of("naval-1", "naval-2"), new HashSet<>(ids(r)));
    assertEquals("day", r.facets().date().interval());
    assertEquals(List.of("2025-07-25", "2025-07-26", "2025-07-27", "2025-07-28"),
        r.facets().date().buckets().stream().map(SearchResult.DateBucket::key).toList());
    assertEquals(List.of(1L, 0L, 0L, 1L), r.facets().date().buckets().stream().map(SearchResult.DateBucket::count).toList());
  }

  @Test
  void snippets_escape_article_markup() throws Exception {
    Hit h = run(SearchRequest.builder().query("regatta markup")).hits().stream()
        .filter(x -> x.id().equals("hostile-1")).findFirst().orElseThrow();
    String all = h.highlight().title() + h.highlight().body();
    assertFalse(all.contains("<script"), all);
    assertFalse(all.contains("<img"), all);
    assertTrue(all.contains("&lt;script&gt;") || all.contains("&lt;img"), all);
  }

  @Test
  void snippets_escape_only_what_html_needs() throws Exception {
    Hit h;
    try (var e = backend().open()) {
      e.store().upsert(List.of(TestIndexes.article("slash-1", "en", "2025-03-03",
          "Rates for May/September set", "Traders priced May/September spreads & \"calendar\" bets.", "Desk")));
      h = e.search().search(SearchRequest.builder().query("september").build()).hits().get(0);
    }
    assertEquals("Rates for May/<mark>September</mark> set", h.highlight().title());
    assertTrue(h.highlight().body().contains("&amp; &quot;calendar&quot;"), h.highlight().body());
  }

  @Test
  void syntax_characters_in_plain_input_do_not_fail() throws Exception {
    SearchResult r = run(SearchRequest.builder().query("naval drill: (caspian AND"));
    assertEquals("naval-1", r.hits().get(0).id());
  }

  /**
   * Exclusions alone are every article but those, as Elasticsearch and Solr read them (Lucene's
   * own parse matches nothing); so is {@code * -word}, strict or not. A {@code *} beside words to
   * find is no syntax and, as before, leaves a lenient search to the words.
   */
  @Test
  void exclusions_alone_find_every_article_but_those() throws Exception {
    Set<String> every = new HashSet<>(ids(run(SearchRequest.builder().collapse(false).size(100))));
    Set<String> naval = new HashSet<>(ids(run(SearchRequest.builder().query("naval").collapse(false).size(100))));
    assertFalse(naval.isEmpty());
    Set<String> others = new HashSet<>(every);
    others.removeAll(naval);
    for (String q : List.of("-naval", "NOT naval", "* -naval", "* NOT naval")) {
      SearchResult r = run(SearchRequest.builder().query(q).collapse(false).size(100));
      assertEquals(others, new HashSet<>(ids(r)), q);
      assertEquals(others.size(), r.total(), q);
    }
    assertEquals(others, new HashSet<>(ids(run(SearchRequest.builder().query("* -naval").strict(true)
        .collapse(false).size(100)))));
    assertEquals(naval, new HashSet<>(ids(run(SearchRequest.builder().query("* naval").collapse(false).size(100)))));
  }

  @Test
  void malformed_query_in_strict_mode_names_the_problem() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> run(SearchRequest.builder().query("naval AND (drill").strict(true)));
    assertEquals("query_syntax", e.code());
    assertTrue(e.getMessage().contains("column"), e.getMessage());
  }

  @Test
  void unknown_field_in_strict_mode_is_an_error() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> run(SearchRequest.builder().query("colour:red").strict(true)));
    assertTrue(e.getMessage().contains("colour"), e.getMessage());
  }

  @Test
  void field_prefixes_search_that_field() throws Exception {
    assertEquals(List.of("economy-1", "economy-2"),
        ids(run(SearchRequest.builder().query("source:ledger").sort(SortOrder.DATE))).reversed());
    assertEquals(List.of("de-1"), ids(run(SearchRequest.builder().query("language:de"))));
  }

  @Test
  void boolean_and_prefix_syntax_work() throws Exception {
    assertEquals(List.of("economy-1"),
        ids(run(SearchRequest.builder().query("+\"central bank\" -wages"))).stream()
            .filter(id -> id.startsWith("economy")).toList());
    assertTrue(ids(run(SearchRequest.builder().query("regat*"))).contains("sport-1"));
  }

  /**
   * A quoted phrase no article holds (a paraphrased headline) is searched as words, and the answer
   * names it; a negated phrase stays exact, a field stays, strict stays as typed, and the cursor of
   * a relaxed answer pages on over the words ({@code QuotedPhraseFallback}).
   */
  @Test
  void a_quoted_phrase_no_article_holds_is_searched_as_words_and_the_answer_says_so() throws Exception {
    String paraphrase = "\"joint naval exercise in the Caspian\"";
    SearchResult relaxed = run(SearchRequest.builder().query(paraphrase).collapse(false));
    assertEquals("naval-1", relaxed.hits().get(0).id());
    assertEquals(List.of("joint naval exercise in the Caspian"), relaxed.relaxed().phrases());

    SearchResult exact = run(SearchRequest.builder().query("\"joint naval drill\"").collapse(false));
    assertEquals(List.of("naval-1"), ids(exact), "a phrase that matches stays exact");
    assertNull(exact.relaxed());

    SearchResult strict = run(SearchRequest.builder().query(paraphrase).strict(true));
    assertEquals(0, strict.total());
    assertNull(strict.relaxed(), "strict is searched as typed");

    // Relaxed too, the excluded phrase would exclude naval-2 ("naval units") and leave nothing.
    SearchResult negated = run(SearchRequest.builder().query("\"caspian naval units\" -\"joint naval drill\"")
        .collapse(false));
    assertEquals(List.of("naval-2"), ids(negated));
    assertEquals(List.of("caspian naval units"), negated.relaxed().phrases());

    // hostile-1 says "regatta" in its body only.
    SearchResult field = run(SearchRequest.builder().query("title:\"harbour regatta history\"").collapse(false));
    assertEquals(Set.of("sport-1", "undated-1"), new HashSet<>(ids(field)));
    assertNotNull(field.relaxed());

    // 40 words are 80 clauses, over the limit of 64 that the phrase (2) kept under: the exact answer stands.
    String quoted = "\"naval " + String.join(" ", java.util.Collections.nCopies(39, "exercise")) + "\"";
    SearchResult tooLong = run(SearchRequest.builder().query(quoted));
    assertEquals(0, tooLong.total());
    assertNull(tooLong.relaxed());

    SearchResult unbalanced = run(SearchRequest.builder().query("\"naval drill"));
    assertEquals("naval-1", unbalanced.hits().get(0).id(), "searched as plain words");
    assertNull(unbalanced.relaxed());
  }

  @Test
  void a_relaxed_answer_pages_on_over_the_words_by_cursor_and_by_page() throws Exception {
    String paraphrase = "\"naval drill closes the old bridge\"";
    SearchResult all = run(SearchRequest.builder().query(paraphrase).collapse(false).size(100));
    assertTrue(ids(all).containsAll(List.of("naval-1", "naval-2", "flood-old", "flood-new")), ids(all).toString());
    List<String> seen = new ArrayList<>();
    SearchResult page = run(SearchRequest.builder().query(paraphrase).collapse(false).size(1));
    while (true) {
      assertNotNull(page.relaxed(), "every page is relaxed: " + seen);
      assertEquals(all.total(), page.total());
      seen.addAll(ids(page));
      if (page.nextCursor() == null) {
        break;
      }
      page = run(SearchRequest.builder().query(paraphrase).collapse(false).size(1).cursor(page.nextCursor()));
    }
    assertEquals(Set.copyOf(ids(all)), Set.copyOf(seen), "the cursor walks the words' matches");
    assertEquals(seen.size(), new HashSet<>(seen).size(), "each once: " + seen);
    SearchResult second = run(SearchRequest.builder().query(paraphrase).collapse(false).size(1).page(2));
    assertEquals(seen.subList(1, 2), ids(second));
    assertNotNull(second.relaxed());
  }

  /** A page after a relaxed one stays on the words even once an article holds the exact phrase. */
  @Test
  void the_cursor_of_a_relaxed_answer_stays_on_the_words() throws Exception {
    try (var e = backend().open()) {
      e.store().upsert(List.of(
          TestIndexes.article("tide-1", "en", "2025-03-01", "Spring tide floods the harbour road", "Water on the road.", "Desk"),
          TestIndexes.article("tide-2", "en", "2025-03-02", "Harbour wall repaired", "The wall held the spring tide.", "Desk")));
      SearchRequest.Builder paraphrase = SearchRequest.builder().query("\"spring tide at the harbour wall\"")
          .collapse(false).size(1);
      SearchResult first = e.search().search(paraphrase.build());
      assertNotNull(first.relaxed());
      assertNotNull(first.nextCursor());
      e.store().upsert(List.of(TestIndexes.article("tide-3", "en", "2025-03-03", "Tides",
          "A spring tide at the harbour wall.", "Desk")));
      assertNull(e.search().search(paraphrase.build()).relaxed(), "the exact phrase is found now");
      SearchResult next = e.search().search(paraphrase.cursor(first.nextCursor()).build());
      assertNotNull(next.relaxed(), "the walk begun on the words goes on over them");
      assertEquals(3, next.total());
    }
  }

  /** The date stays a filter while the phrase becomes words ({@code SearchFallbacks}). */
  @Test
  void a_date_phrase_stays_a_filter_when_the_phrase_beside_it_is_relaxed() throws Exception {
    SearchResult r = run(SearchRequest.builder().query("\"caspian naval exercise observed\" since June 2025")
        .now(Instant.parse("2025-09-01T00:00:00Z")).collapse(false));
    assertEquals("since June 2025", r.interpreted().text());
    assertEquals(List.of("caspian naval exercise observed"), r.relaxed().phrases());
    assertEquals(Set.of("naval-1", "naval-2"), new HashSet<>(ids(r)), "the words, since June 2025");
  }

  @Test
  void cursor_from_another_sort_or_garbage_is_rejected() throws Exception {
    String cursor = run(SearchRequest.builder().size(2)).nextCursor();
    assertNotNull(cursor);
    assertThrows(InvalidRequestException.class,
        () -> run(SearchRequest.builder().size(2).sort(SortOrder.DATE).cursor(cursor)));
    assertThrows(InvalidRequestException.class, () -> run(SearchRequest.builder().cursor("%%%")));
    assertThrows(InvalidRequestException.class, () -> run(SearchRequest.builder().cursor("eyJ4Ijox")));
  }

  @Test
  void article_lookup_returns_the_stored_article() throws Exception {
    var a = search.article("ru-1").orElseThrow();
    assertEquals("ru", a.language());
    assertEquals(List.of("Россия", "Иран"), a.tags());
    assertTrue(a.body().startsWith("Военно-морские"));
    assertTrue(search.article("nope").isEmpty());
    assertNull(search.article("undated-1").orElseThrow().published());
  }
}

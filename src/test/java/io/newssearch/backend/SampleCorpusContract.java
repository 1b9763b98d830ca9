package io.newssearch.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.Engine;
import io.newssearch.article.Article;
import io.newssearch.index.IndexProgress;
import io.newssearch.index.IndexSummary;
import io.newssearch.index.Indexer;
import io.newssearch.search.RelatedRequest;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SortOrder;
import io.newssearch.search.SuggestRequest;
import io.newssearch.search.SuggestResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped sample corpus, indexed for real, with the answers its authors wrote down first: the
 * same expectations for every backend (a subclass per backend says which).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SampleCorpusContract {

  static final int ARTICLES = 71;

  Engine engine;
  IndexSummary summary;

  abstract Backend backend();

  @BeforeAll
  void index() throws Exception {
    engine = backend().open();
    summary = engine.indexer().run(new Indexer.Options(List.of(Backend.sampleCorpus()), false, true),
        IndexProgress.NONE);
  }

  @AfterAll
  void close() throws Exception {
    engine.close();
  }

  SearchResult search(SearchRequest.Builder b) throws Exception {
    return engine.search().search(b.build());
  }

  @Test
  void every_sample_article_is_indexed_and_nothing_is_rejected() throws Exception {
    assertEquals(ARTICLES, summary.indexed(), summary.rejections().toString());
    assertEquals(0, summary.rejected());
    assertEquals(ARTICLES, engine.search().count());
  }

  /** Known-item queries: the article that must rank first, by title prefix. */
  @ParameterizedTest(name = "{0} [{1}] -> {2}")
  @CsvSource(delimiter = '|', value = {
      "naval drill              |    | Coastal Fleet Stages Naval Drill",
      "drills                   | en | Coastal Fleet Stages Naval Drill",
      "bridge reopens           | en | Tanner Bridge Reopens",
      "lighthouse keepers       | en | Lighthouse Keepers Return to Marrow Rock",
      "penalty shootout         | en | Saltmarsh Rovers Clinch Cup",
      "Klimaschutzgesetz        | de | Landtag beschließt neues Klimaschutzgesetz",
      "Bürgermeister Straße     | de | Bürgermeister sperrt Straße",
      "engine fire ferry        | en | River Ferry Service Suspended After Engine Fire",
      "морских учениях          | ru | Военно-морские учения прошли у берегов Кольского",
      "морских учениях          |    | Военно-морские учения прошли у берегов Кольского",
      "Gebaude                  |    | Bürgermeister sperrt Straße",
      "мороз Томск              | ru | Сильные морозы остановили пригородные поезда",
      "رزمایش دریایی            | fa | رزمایش دریایی امداد و نجات",
      "سنگین کوهستانی           | fa | بارش سنگين برف",
      "معرض الخط العربي         | ar | مَعْرِضُ الخَطِّ العَرَبِيِّ",
      "الإيجار                  | ar | البرلمان يقر قانونا جديدا للإيجارات",
      "election economie        | fr | Élection municipale à Rouvray",
      "sequia embalse           | es | La sequía deja los embalses del sur",
  })
  void known_item_ranks_first(String query, String lang, String titlePrefix) throws Exception {
    SearchRequest.Builder b = SearchRequest.builder().query(query);
    if (lang != null) {
      b.languages(List.of(lang));
    }
    SearchResult r = search(b);
    assertFalse(r.hits().isEmpty(), query);
    assertTrue(r.hits().get(0).title().startsWith(titlePrefix),
        query + " -> " + r.hits().stream().map(SearchResult.Hit::title).limit(3).toList());
  }

  /** Written down before running: the naval story's related stories are the other naval ones. */
  @Test
  void related_stories_of_the_naval_drill_are_the_other_naval_stories() throws Exception {
    var related = engine.search().related(new RelatedRequest("en-001", 3)).orElseThrow();
    List<String> titles = related.hits().stream().map(SearchResult.Hit::title).toList();
    assertTrue(titles.stream().anyMatch(t -> t.startsWith("Minesweepers Rehearse Harbour Clearance")), titles.toString());
    assertTrue(titles.stream().anyMatch(t -> t.startsWith("Allied Frigates Complete Week-Long Exercise")), titles.toString());
    assertTrue(related.hits().stream().allMatch(h -> h.language().equals("en") && !h.id().equals("en-001")));
  }

  @Test
  void suggestions_complete_titles_and_tags_as_typed() throws Exception {
    List<String> nav = engine.search().suggest(new SuggestRequest("nav", 8)).suggestions().stream()
        .map(SuggestResult.Suggestion::text).toList();
    assertTrue(nav.contains("Coastal Fleet Stages Naval Drill Off Kestrel Point"), nav.toString());
    assertTrue(nav.contains("navy"), nav.toString());
    List<String> kli = engine.search().suggest(new SuggestRequest("kli", 8)).suggestions().stream()
        .map(SuggestResult.Suggestion::text).toList();
    assertTrue(kli.contains("Landtag beschließt neues Klimaschutzgesetz"), kli.toString());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "navel dril         | naval drill",
      "lighthuose keepers | lighthouse keepers",
      "penalty shootuot   | penalty shootout",
  })
  void a_misspelled_query_gets_the_index_spelling(String typed, String expected) throws Exception {
    assertEquals(expected, search(SearchRequest.builder().query(typed)).suggestion());
  }

  @Test
  void a_scraped_page_is_extracted_without_boilerplate() throws Exception {
    SearchResult r = search(SearchRequest.builder().query("title:\"engine fire\""));
    Article a = engine.search().article(r.hits().get(0).id()).orElseThrow();
    assertEquals("River Ferry Service Suspended After Engine Fire", a.title());
    assertEquals("Kestrel Bay Chronicle", a.source());
    assertEquals("2025-03-04", a.published().toString().substring(0, 10));
    assertEquals("en", a.language());
    assertTrue(a.body().startsWith("The passenger ferry linking Kestrel Bay"), a.body());
    for (String junk : List.of("Share This Post", "Facebook", "Coastal News", a.title())) {
      assertFalse(a.body().contains(junk), junk);
    }
  }

  @Test
  void languages_facet_covers_the_corpus() throws Exception {
    SearchResult r = search(SearchRequest.builder());
    Set<String> langs = new HashSet<>();
    long counted = 0;
    for (SearchResult.FacetValue v : r.facets().language()) {
      langs.add(v.value());
      counted += v.count();
    }
    assertTrue(langs.containsAll(Set.of("en", "ru", "fa", "ar", "de", "fr", "es")), langs.toString());
    assertEquals(ARTICLES, counted);
    assertEquals("month", r.facets().date().interval(), "46 months of news: monthly bars");
  }

  @Test
  void cursor_pages_through_every_article_once_in_date_order() throws Exception {
    List<String> ids = new ArrayList<>();
    List<java.time.Instant> dates = new ArrayList<>();
    SearchResult r = search(SearchRequest.builder().sort(SortOrder.DATE).size(7).collapse(false));
    while (true) {
      r.hits().forEach(h -> {
        ids.add(h.id());
        dates.add(h.published());
      });
      if (r.nextCursor() == null) {
        break;
      }
      r = search(SearchRequest.builder().sort(SortOrder.DATE).size(7).collapse(false).cursor(r.nextCursor()));
    }
    assertEquals(ARTICLES, ids.size());
    assertEquals(ARTICLES, new HashSet<>(ids).size());
    for (int i = 1; i < dates.size(); i++) {
      assertFalse(dates.get(i).isAfter(dates.get(i - 1)), "newest first at " + i);
    }
  }

  /** Written down first: the trawler story's three versions are one hit, and its story lists all three. */
  @Test
  void the_story_three_sources_reported_is_one_hit_and_lists_its_versions() throws Exception {
    SearchResult r = search(SearchRequest.builder().query("trawler"));
    assertEquals(1, r.total());
    assertEquals(3, r.totalArticles());
    SearchResult.Hit hit = r.hits().get(0);
    assertEquals("en-014", hit.story());
    assertEquals(2, hit.sourcesCount());
    var story = engine.search().story("en-014").orElseThrow();
    assertEquals(List.of("en-014", "en-015", "en-016"), story.versions().stream().map(v -> v.id()).toList());
    assertEquals(List.of("Moorland Wire", "Gannet Point Gazette", "Valley Evening Post"),
        story.versions().stream().map(v -> v.source()).toList());
  }
}

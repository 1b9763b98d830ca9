package io.newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one reading of a search's parameters, whoever sends them. */
class SearchParametersTest {

  private static SearchRequest parse(String... nameValues) {
    Map<String, List<String>> p = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      p.computeIfAbsent(nameValues[i], k -> new java.util.ArrayList<>()).add(nameValues[i + 1]);
    }
    p.putIfAbsent("now", List.of("2026-01-01T00:00:00Z"));
    return SearchParameters.parse(p);
  }

  private static InvalidRequestException refused(String... nameValues) {
    return assertThrows(InvalidRequestException.class, () -> parse(nameValues));
  }

  @Test
  void a_star_alone_asks_for_everything_as_a_blank_query_does() {
    assertEquals("", parse("q", "*").query());
    assertEquals("", parse("q", " *:* ").query());
    assertEquals("", parse("q", "*", "strict", "true").query(), "strict would refuse * as a wildcard");
    assertEquals("storm*", parse("q", "storm*").query());
    assertEquals("title:*", parse("q", "title:*").query());
  }

  @Test
  void a_language_is_read_as_ingest_reads_it() {
    for (String form : List.of("en", "EN", "eng", "English", "english", " en ")) {
      assertEquals(List.of("en"), parse("lang", form).languages(), form);
    }
    assertEquals(List.of("nb"), parse("lang", "no").languages(), "Norwegian is indexed as nb");
    assertEquals(List.of("de", "fr"), parse("lang", "German,fre").languages());
    assertEquals(List.of("ru"), parse("lang", "ru", "lang", "rus").languages(), "the same language once");
  }

  @Test
  void an_unknown_language_is_refused_listing_the_forms_accepted() {
    InvalidRequestException e = refused("lang", "Klingonish");
    assertEquals("lang", e.parameter());
    assertTrue(e.getMessage().contains("'Klingonish'") && e.getMessage().contains("eng")
        && e.getMessage().contains("English"), e.getMessage());
  }

  @Test
  void facets_are_all_by_default_none_or_the_names_given_and_an_unknown_name_is_refused() {
    assertEquals(Facet.ALL, parse().facets());
    assertEquals(Facet.ALL, parse("facets", "ALL").facets());
    assertEquals(java.util.Set.of(), parse("facets", "none").facets());
    assertEquals(java.util.Set.of(Facet.LANGUAGE, Facet.DATE, Facet.PLACE), parse("facets", "language, date,place,").facets());
    InvalidRequestException e = refused("facets", "language,people");
    assertEquals("facets", e.parameter());
    assertTrue(e.getMessage().contains("'people' is not a facet") && e.getMessage().contains("person"), e.getMessage());
    assertEquals("facets", refused("facets", " , ,").parameter(), "commas alone name nothing");
  }

  @Test
  void a_bare_to_date_takes_its_whole_day_and_from_its_start() {
    SearchRequest r = parse("from", "2025-07-25", "to", "2025-07-25");
    assertEquals(Instant.parse("2025-07-25T00:00:00Z"), r.from());
    assertEquals(Instant.parse("2025-07-25T23:59:59.999Z"), r.to());
    assertEquals(Instant.parse("2025-07-25T10:00:00Z"), parse("to", "2025-07-25T10:00:00Z").to());
    InvalidRequestException e = refused("from", "2024-13-45");
    assertTrue(e.getMessage().contains("'2024-13-45'") && e.getMessage().contains("YYYY-MM-DD"), e.getMessage());
  }

  @Test
  void unknown_and_repeated_parameters_are_named() {
    InvalidRequestException typo = refused("lng", "en");
    assertTrue(typo.getMessage().contains("'lng'") && typo.getMessage().contains("did you mean 'lang'"), typo.getMessage());
    InvalidRequestException twice = refused("sort", "date", "sort", "relevance");
    assertEquals("sort", twice.parameter());
  }

  @Test
  void a_duration_is_read_by_the_one_grammar() {
    assertEquals(java.time.Duration.ofHours(12), parse("sort", "recency", "recency_scale", "12h").recencyScale());
    assertEquals("recency_scale", refused("recency_scale", "7d").parameter(), "only with sort=recency");
  }
}

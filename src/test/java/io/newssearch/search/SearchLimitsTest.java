package io.newssearch.search;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.lucene.LuceneEngine;
import io.newssearch.TestIndexes;
import io.newssearch.lucene.IndexHandle;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@link SearchLimits} limit, tripped on purpose against a real index. */
class SearchLimitsTest {

  @TempDir static Path dir;
  static LuceneEngine engine;
  static LuceneEngine hurried;
  static final SearchLimits SMALL = new SearchLimits(40, 8, 5, Duration.ofSeconds(30));

  @BeforeAll
  static void index() throws Exception {
    TestIndexes.write(dir, TestIndexes.newsroom());
    engine = new LuceneEngine(dir, IndexHandle.DEFAULT_REFRESH_INTERVAL, SMALL);
    hurried = new LuceneEngine(dir, IndexHandle.DEFAULT_REFRESH_INTERVAL,
        SearchLimits.DEFAULTS.withTimeBudget(Duration.ofNanos(1)));
  }

  @AfterAll
  static void close() throws Exception {
    engine.close();
    hurried.close();
  }

  private static InvalidRequestException refused(String q, boolean strict) {
    return assertThrows(InvalidRequestException.class,
        () -> engine.search().search(SearchRequest.builder().query(q).strict(strict).build()));
  }

  private static SearchResult run(String q) throws Exception {
    return engine.search().search(SearchRequest.builder().query(q).build());
  }

  @Test
  void defaults_are_the_documented_ones() {
    assertEquals(1_000, SearchLimits.DEFAULTS.maxQueryChars());
    assertEquals(64, SearchLimits.DEFAULTS.maxClauses());
    assertEquals(1_000, SearchLimits.DEFAULTS.maxExpansions());
    assertEquals(Duration.ofSeconds(2), SearchLimits.DEFAULTS.timeBudget());
  }

  @Test
  void a_query_longer_than_the_cap_is_refused_naming_q_and_the_limit() {
    InvalidRequestException e = refused("naval ".repeat(7), false);
    assertEquals("invalid_parameter", e.code());
    assertTrue(e.getMessage().contains("'q'") && e.getMessage().contains("42")
        && e.getMessage().contains("40"), e.getMessage());
  }

  @Test
  void a_query_of_too_many_clauses_is_refused_naming_the_limit() throws Exception {
    assertDoesNotThrow(() -> run("a b c d")); // 4 words × (title, body) = 8 clauses: at the limit
    InvalidRequestException e = refused("a b c d e", false);
    assertEquals("too_many_clauses", e.code());
    assertTrue(e.getMessage().contains("10 clauses") && e.getMessage().contains("limit is 8"), e.getMessage());
  }

  @Test
  void a_prefix_matching_more_terms_than_the_cap_is_refused_naming_the_limit() throws Exception {
    // "s*" matches sea, security, several, states, ... in the body: more than 5 terms.
    InvalidRequestException e = refused("body:s*", true);
    assertEquals("too_many_expansions", e.code());
    assertTrue(e.getMessage().contains("more than 5 terms"), e.getMessage());
    assertTrue(run("title:nav*").total() >= 1, "a narrow prefix still runs");
  }

  @Test
  void wildcard_fuzzy_and_regex_expansions_are_bounded_too() {
    assertEquals("too_many_expansions", refused("body:s?*", true).code());
    assertEquals("too_many_expansions", refused("body:/s.*/", true).code());
    InvalidRequestException fuzzy = refused("body:rai~2", true);
    assertEquals("too_many_expansions", fuzzy.code());
    assertTrue(fuzzy.getMessage().startsWith("'rai~2' expands"), fuzzy.getMessage());
  }

  @Test
  void a_regex_without_a_literal_start_is_refused_even_when_lenient() throws Exception {
    for (boolean strict : new boolean[] {true, false}) {
      InvalidRequestException e = refused("/.*/", strict);
      assertEquals("regexp_without_prefix", e.code());
      assertTrue(e.getMessage().contains("/.*/"), e.getMessage());
    }
    assertTrue(run("title:/nav.*/").total() >= 1, "a regex with a literal start still runs");
  }

  @Test
  void a_search_past_its_time_budget_answers_with_timed_out() throws Exception {
    SearchResult r = hurried.search().search(SearchRequest.builder().query("naval OR drill OR bank").build());
    assertTrue(r.timedOut());
    assertFalse(run("naval").timedOut());
  }
}

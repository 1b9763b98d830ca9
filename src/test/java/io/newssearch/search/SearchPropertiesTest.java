package io.newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.TestIndexes;
import io.newssearch.article.Article;
import io.newssearch.lucene.LuceneEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants that hold for any request, checked on many random ones over a random index (a seed
 * per case, printed in its name, reproduces a failure). Words are drawn from a small vocabulary so
 * scores tie often, dates repeat and some are missing, and some bodies are copies (stories), which
 * is where paging and collapsing go wrong.
 */
class SearchPropertiesTest {

  static final Instant NOW = Instant.parse("2025-07-25T10:00:00Z");
  static final List<String> WORDS = List.of("harbour", "flood", "bridge", "council", "election", "tide", "storm",
      "ferry", "market", "river", "school", "budget");
  static final List<String> PHRASES = List.of("since March 2024", "in 2024", "last week", "past 90 days",
      "between May and July 2024", "before 2025", "yesterday", "this year", "after 2023", "in June 2025");

  @TempDir static Path dir;
  static LuceneEngine engine;
  static SearchService search;

  @BeforeAll
  static void index() throws Exception {
    Random r = new Random(16);
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String body = i % 10 == 3 ? articles.get(i - 1).body() : words(r, 30 + r.nextInt(30));
      String date = r.nextInt(12) == 0 ? null
          : Instant.parse("2023-01-01T00:00:00Z").plus(r.nextInt(3 * 365), ChronoUnit.DAYS).toString().substring(0, 10);
      articles.add(TestIndexes.article(String.format("p-%03d", i), "en", date, words(r, 3 + r.nextInt(4)), body,
          "Source " + r.nextInt(5)));
    }
    TestIndexes.write(dir, articles);
    engine = new LuceneEngine(dir);
    search = engine.search();
  }

  @AfterAll
  static void close() throws Exception {
    engine.close();
  }

  static String words(Random r, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : " ").append(WORDS.get(r.nextInt(WORDS.size())));
    }
    return b.toString();
  }

  static List<Long> seeds() {
    List<Long> seeds = new ArrayList<>();
    for (long s = 1; s <= 40; s++) {
      seeds.add(s);
    }
    return seeds;
  }

  static SearchRequest.Builder request(Random r) {
    String q = switch (r.nextInt(4)) {
      case 0 -> "";
      case 1 -> WORDS.get(r.nextInt(WORDS.size()));
      case 2 -> WORDS.get(r.nextInt(WORDS.size())) + " " + WORDS.get(r.nextInt(WORDS.size()));
      default -> "\"" + WORDS.get(r.nextInt(WORDS.size())) + " " + WORDS.get(r.nextInt(WORDS.size())) + "\"~3";
    };
    return SearchRequest.builder().query(q).matchAll(r.nextBoolean())
        .sort(SortOrder.values()[r.nextInt(SortOrder.values().length)]).collapse(r.nextBoolean()).now(NOW);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void cursor_paging_visits_every_hit_once_for_any_page_size(long seed) throws Exception {
    Random r = new Random(seed);
    SearchRequest.Builder b = request(r);
    int size = 1 + r.nextInt(25);
    SearchResult first = search.search(b.size(size).build());
    Set<String> seen = new LinkedHashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      SearchResult page = search.search((cursor == null ? b.size(size) : b.size(size).cursor(cursor)).build());
      assertEquals(first.total(), page.total(), "total changed between pages");
      for (SearchResult.Hit h : page.hits()) {
        assertTrue(seen.add(h.id()), h.id() + " seen twice; size " + size);
      }
      assertTrue(page.hits().size() <= size);
      cursor = page.nextCursor();
      assertTrue(++pages <= 400, "paging does not end");
    } while (cursor != null);
    assertEquals(first.total(), seen.size(), "every hit once; size " + size + ", pages " + pages);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void a_date_phrase_never_widens_a_filter(long seed) throws Exception {
    Random r = new Random(seed);
    String phrase = PHRASES.get(r.nextInt(PHRASES.size()));
    String word = r.nextBoolean() ? "" : WORDS.get(r.nextInt(WORDS.size())) + " ";
    Instant from = r.nextBoolean() ? null : Instant.parse("2023-06-01T00:00:00Z").plus(r.nextInt(600), ChronoUnit.DAYS);
    Instant to = r.nextBoolean() ? null : Instant.parse("2024-01-01T00:00:00Z").plus(r.nextInt(600), ChronoUnit.DAYS);
    if (from != null && to != null && from.isAfter(to)) {
      Instant swap = from; // a request with from after to is a 400, not a search
      from = to;
      to = swap;
    }
    SearchRequest withPhrase = SearchRequest.builder().query(word + phrase).from(from).to(to).collapse(false)
        .size(100).now(NOW).build();
    assertNotNull(withPhrase.interpreted(), "'" + phrase + "' is read as dates");
    if (search.search(withPhrase).interpreted() == null) {
      // The dates read found nothing: the answer is the words as written (DatePhraseFallback),
      // which a query of the phrase alone never gets.
      assertTrue(!word.isEmpty(), "a query that is only '" + phrase + "' keeps its date filter");
      SearchRequest asWords = SearchRequest.builder().query(word + phrase).from(from).to(to).collapse(false)
          .size(100).dates(false).now(NOW).build();
      assertEquals(ids(asWords), ids(withPhrase), "the fallback is the words as written");
      return;
    }
    SearchRequest without = SearchRequest.builder().query(withPhrase.query()).from(from).to(to).collapse(false)
        .size(100).dates(false).now(NOW).build();
    Set<String> narrowed = ids(withPhrase);
    Set<String> wide = ids(without);
    assertTrue(wide.containsAll(narrowed), "the phrase added hits: " + phrase);
    for (SearchResult.Hit h : all(withPhrase)) {
      assertNotNull(h.published(), h.id() + " has no date but passed a date filter");
      Instant lo = withPhrase.interpreted().from(), hi = withPhrase.interpreted().to();
      assertTrue((lo == null || !h.published().isBefore(lo)) && (hi == null || !h.published().isAfter(hi))
          && (from == null || !h.published().isBefore(from)) && (to == null || !h.published().isAfter(to)),
          h.id() + " " + h.published() + " outside " + withPhrase.interpreted() + " / " + from + ".." + to);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void explanation_parts_add_up_to_the_score(long seed) throws Exception {
    Random r = new Random(seed);
    SearchRequest.Builder b = request(r).explain(true).size(20).collapse(false);
    if (r.nextInt(3) == 0) {
      b.sort(SortOrder.RECENCY).recencyScale(java.time.Duration.ofDays(1 + r.nextInt(400)));
    }
    if (r.nextBoolean()) {
      b.query("title:" + WORDS.get(r.nextInt(WORDS.size())) + " " + WORDS.get(r.nextInt(WORDS.size())));
    }
    for (SearchResult.Hit h : search.search(b.build()).hits()) {
      assertNotNull(h.explanation(), h.id());
      // each part is rounded to three decimals, so the sum may be off by half a thousandth per part
      List<SearchResult.ScorePart> parts = h.explanation().parts();
      double sum = parts.stream().mapToDouble(SearchResult.ScorePart::value).sum();
      assertEquals(h.score(), sum, 0.0005 * parts.size() + 1e-4 * Math.abs(h.score()),
          h.id() + ": " + h.explanation().summary());
    }
  }

  static Set<String> ids(SearchRequest request) throws Exception {
    Set<String> out = new HashSet<>();
    all(request).forEach(h -> out.add(h.id()));
    return out;
  }

  /** Every hit, through cursors (a date filter over 300 articles can match more than a page). */
  static List<SearchResult.Hit> all(SearchRequest request) throws Exception {
    List<SearchResult.Hit> out = new ArrayList<>();
    SearchResult page = search.search(request);
    out.addAll(page.hits());
    while (page.nextCursor() != null) {
      page = search.search(new SearchRequest(request.query(), request.strict(), request.matchAll(), request.from(),
          request.to(), request.languages(), request.tags(), request.sources(), request.sort(), 1, request.size(),
          page.nextCursor(), request.now(), request.explain(), request.recencyScale(), request.interpreted(),
          request.collapse(), request.persons(), request.orgs(), request.places(), request.mode(), request.facets()));
      out.addAll(page.hits());
    }
    return out;
  }
}

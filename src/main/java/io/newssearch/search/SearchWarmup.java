package io.newssearch.search;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searches a server that has just started runs on its own index, in the background, so that its
 * first users do not wait for the JIT: a new JVM answers its first hundred searches 2–4× slower
 * while it compiles the search path (Solr's first-searcher queries do this for a new searcher).
 * The queries are words of the newest headlines, alone, as pairs and as quoted pairs, parsed as
 * {@code GET /api/search} parses them with default parameters; all different, so none is answered
 * from the result cache. At most {@link #SEARCHES} searches, for at most {@link #BUDGET}, and it
 * stops when the first user's search is answered: from then on real searches compile the path,
 * and a warm-up beside them would only take a core from them.
 */
public final class SearchWarmup {

  private static final Logger log = LoggerFactory.getLogger(SearchWarmup.class);

  static final int SEARCHES = 300;
  static final Duration BUDGET = Duration.ofSeconds(5);
  /** Headlines the words are taken from: the newest page of the whole index. */
  private static final int HEADLINES = SearchRequest.MAX_SIZE;
  private static final int SHORTEST_WORD = 4;
  private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{M}]+");

  private SearchWarmup() {}

  /**
   * Starts warming up on a daemon thread, which ends by itself; returns that thread.
   *
   * @param usersArrived whether a user's search has been answered
   */
  public static Thread start(SearchService search, BooleanSupplier usersArrived) {
    return Thread.ofPlatform().daemon().name("search-warmup")
        .start(() -> run(search, SEARCHES, BUDGET, usersArrived));
  }

  /**
   * Runs the warm-up on this thread; returns how many searches it made. Never fails: a search that
   * fails (the index closing under it, a rebuild) ends the warm-up, which only ever saves time.
   */
  static int run(SearchService search, int searches, Duration budget, BooleanSupplier usersArrived) {
    long start = System.nanoTime();
    long deadline = start + budget.toNanos();
    int made = 0;
    try {
      for (String q : queries(search, searches)) {
        if (System.nanoTime() - deadline > 0 || usersArrived.getAsBoolean() || Thread.currentThread().isInterrupted()) {
          break;
        }
        search.search(SearchParameters.parse(Map.of("q", List.of(q))));
        made++;
      }
      log.info("search path warmed up: {} searches in {} ms", made, (System.nanoTime() - start) / 1_000_000);
    } catch (IOException | RuntimeException e) {
      log.debug("search warm-up ended after {} searches: {}", made, e.toString());
    }
    return made;
  }

  /** Up to {@code max} different queries made of the newest headlines' words. */
  static List<String> queries(SearchService search, int max) throws IOException {
    SearchResult newest = search.search(SearchParameters.parse(Map.of("sort", List.of("date"),
        "size", List.of(Integer.toString(HEADLINES)), "collapse", List.of("none"))));
    List<List<String>> headlines = new ArrayList<>();
    Set<String> words = new LinkedHashSet<>();
    for (SearchResult.Hit hit : newest.hits()) {
      List<String> w = words(hit.title());
      headlines.add(w);
      words.addAll(w);
    }
    Set<String> queries = new LinkedHashSet<>(words);
    for (List<String> h : headlines) {
      for (int i = 0; i + 1 < h.size(); i++) {
        queries.add(h.get(i) + " " + h.get(i + 1));
        queries.add("\"" + h.get(i) + " " + h.get(i + 1) + "\"");
      }
    }
    return queries.stream().limit(max).toList();
  }

  /** A headline's words of letters only, lower-cased: no operator, field or wildcard to trip on. */
  static List<String> words(String title) {
    List<String> out = new ArrayList<>();
    if (title == null) {
      return out;
    }
    for (String token : NOT_LETTERS.split(title)) {
      if (token.length() >= SHORTEST_WORD) {
        out.add(token.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }
}

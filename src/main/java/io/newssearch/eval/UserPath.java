package io.newssearch.eval;

import io.newssearch.search.SearchMode;
import io.newssearch.search.SearchParameters;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SearchService;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A query asked the way a user asks it: the query string of {@code GET /api/search} read by
 * {@link SearchParameters} and answered by the engine's {@link SearchService}, as the HTTP handler
 * does, so lenient syntax, date phrases, story collapse and the limits all apply. The ranking
 * evaluation ({@code eval}) gives only {@code q} and the clock ({@code now}, the instant a user
 * would be asking at); the comparison of search modes ({@code eval-modes}) also sets the parameters
 * a user would set to ask for one mode ({@code mode}, {@code collapse}, {@code dates}). Beyond the
 * first page it pages as a user does, by {@code page} with the largest {@code size}, which does not
 * change the order.
 *
 * <p>A collapsed hit stands for its story: the hit's own article comes first, then the other
 * matching versions it lists, at the next ranks, since a user sees them under the hit.
 */
public final class UserPath {

  /** How many times a request that ran past the time budget is asked. */
  static final int TRIES = 3;

  /** The largest page the API serves. */
  static final int PAGE_SIZE = 100;

  private final SearchService service;
  private final Map<String, List<String>> fixed;
  // Counted from the threads that ask.
  private final AtomicInteger asked = new AtomicInteger();
  private final AtomicInteger timedOut = new AtomicInteger();
  private final AtomicInteger dated = new AtomicInteger();
  private final AtomicInteger relaxed = new AtomicInteger();

  /**
   * @param fixed parameters every request carries besides {@code q} (the clock, or {@code sort} for
   *     a row that measures it); empty: the defaults
   */
  public UserPath(SearchService service, Map<String, String> fixed) {
    this.service = service;
    this.fixed = new LinkedHashMap<>();
    fixed.forEach((k, v) -> this.fixed.put(k, List.of(v)));
  }

  /**
   * The parameters that ask for one search mode at the clock {@code now}, as {@code eval-modes}
   * compares them: date phrases searched as words (a headline's "in 2019" is not a filter request),
   * {@code collapse} as given (a run of stories is not a run of articles).
   *
   * @param mode null: the index's default mode (no {@code mode} parameter)
   */
  static Map<String, String> modeParameters(Instant now, SearchMode mode, boolean collapse) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("now", now.toString());
    p.put("dates", "off");
    p.put("collapse", collapse ? "story" : "none");
    if (mode != null) {
      p.put("mode", mode.label());
    }
    return p;
  }

  /**
   * The article ids a user is shown for {@code text}, in order, down to {@code depth}: the first
   * page as the API gives it with default parameters when {@code depth} is at most a page, else
   * pages of {@value #PAGE_SIZE}.
   */
  public List<String> ranked(String text, int depth) throws IOException {
    Set<String> out = new LinkedHashSet<>();
    boolean onePage = depth <= SearchRequest.DEFAULT_SIZE;
    for (int page = 1; out.size() < depth; page++) {
      Map<String, List<String>> params = new LinkedHashMap<>(fixed);
      params.put("q", List.of(text));
      if (!onePage) {
        params.put("size", List.of(String.valueOf(PAGE_SIZE)));
        params.put("page", List.of(String.valueOf(page)));
      }
      SearchResult r = search(params);
      if (r.timedOut()) {
        timedOut.incrementAndGet();
      }
      if (page == 1 && r.interpreted() != null) {
        dated.incrementAndGet();
      }
      if (page == 1 && r.relaxed() != null) {
        relaxed.incrementAndGet();
      }
      for (SearchResult.Hit h : r.hits()) {
        out.add(h.id());
        if (h.sources() != null) {
          h.sources().forEach(s -> out.add(s.id()));
        }
      }
      if (onePage || r.hits().size() < PAGE_SIZE || (long) page * PAGE_SIZE >= r.total()) {
        break;
      }
    }
    return new ArrayList<>(out).subList(0, Math.min(depth, out.size()));
  }

  /**
   * One request; one that ran past the time budget is asked again, up to {@value #TRIES} times:
   * a cold JVM or a loaded machine should not make a figure, and a user asking again gets the
   * whole answer too.
   */
  private SearchResult search(Map<String, List<String>> params) throws IOException {
    SearchResult r = null;
    for (int i = 0; i < TRIES && (r == null || r.timedOut()); i++) {
      r = service.search(SearchParameters.parse(params));
      asked.incrementAndGet();
    }
    return r;
  }

  /** Requests that ran past the time budget and answered with what they had: a run with any is suspect. */
  public int timedOut() {
    return timedOut.get();
  }

  public int asked() {
    return asked.get();
  }

  /** Queries in which a date phrase was read as a date filter ({@code dates=on}, the default). */
  public int dated() {
    return dated.get();
  }

  /** Queries whose quoted phrases found nothing and were searched as words ({@code relaxed}). */
  public int relaxed() {
    return relaxed.get();
  }
}

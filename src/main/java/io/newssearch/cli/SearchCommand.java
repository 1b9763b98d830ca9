package io.newssearch.cli;

import io.newssearch.Engine;
import io.newssearch.http.Json;
import io.newssearch.search.InvalidRequestException;
import io.newssearch.search.SearchParameters;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newssearch search}: the same search the HTTP API answers, printed for a terminal. Every
 * option is a parameter of {@code GET /api/search} under the same name ({@code --recency-scale} is
 * {@code recency_scale}) and is read by the same {@link SearchParameters}, so both accept and refuse
 * the same values with the same words.
 */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Search the index (the options are GET /api/search's parameters).")
final class SearchCommand implements Callable<Integer> {

  @Mixin IndexOptions index;

  @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "Query (Lucene syntax); none: every article.")
  String query;

  @Option(names = "--lang", paramLabel = "LANG", description = "Languages, any of them (repeatable or comma-separated): en, eng or English.")
  List<String> languages = List.of();
  @Option(names = "--tag", paramLabel = "TAG", description = "A tag every hit has (repeatable: all must match).")
  List<String> tags = List.of();
  @Option(names = "--source", paramLabel = "SOURCE", description = "A source, any of them (repeatable).")
  List<String> sources = List.of();
  @Option(names = "--person", paramLabel = "NAME", description = "A person every hit names (repeatable).")
  List<String> persons = List.of();
  @Option(names = "--org", paramLabel = "NAME", description = "An organisation every hit names (repeatable).")
  List<String> orgs = List.of();
  @Option(names = "--place", paramLabel = "NAME", description = "A place every hit names (repeatable).")
  List<String> places = List.of();
  @Option(names = "--from", paramLabel = "DATE", description = "Earliest publication, inclusive: 2025-07-25 or 2025-07-25T10:00:00Z.")
  String from;
  @Option(names = "--to", paramLabel = "DATE", description = "Latest publication, inclusive (a bare date: its whole day).")
  String to;
  @Option(names = "--sort", paramLabel = "ORDER", description = "relevance (default), date (newest first) or recency.")
  String sort;
  @Option(names = "--recency-scale", paramLabel = "DURATION", description = "Half-life of the recency decay with --sort recency: 7d, 12h, P7D (default 14d).")
  String recencyScale;
  @Option(names = "--op", paramLabel = "OP", description = "or (default: any word, ranked by how many match) or and (every word).")
  String op;
  @Option(names = "--and", description = "Every word must match (the same as --op and).")
  boolean matchAll;
  @Option(names = "--strict", description = "Report malformed query syntax instead of searching it as words.")
  boolean strict;
  @Option(names = "--dates", paramLabel = "on|off", description = "on (default): a date phrase in the query filters by date; off: searched as words.")
  String dates;
  @Option(names = "--no-dates", description = "The same as --dates off.")
  boolean noDates;
  @Option(names = "--collapse", paramLabel = "story|none", description = "story (default): one hit per story; none: every version.")
  String collapse;
  @Option(names = "--all-versions", description = "The same as --collapse none.")
  boolean allVersions;
  @Option(names = "--size", paramLabel = "N", description = "Hits per page, 1–100 (default 10).")
  String size;
  @Option(names = "--page", paramLabel = "N", description = "1-based page (default 1); page × size ≤ 10,000.")
  String page;
  @Option(names = "--cursor", paramLabel = "CURSOR", description = "next_cursor of a previous --json answer, for deep paging.")
  String cursor;
  @Option(names = "--now", paramLabel = "DATE", description = "The instant recency and date phrases are measured from (default: the clock).")
  String now;
  @Option(names = "--explain", description = "Show why each hit scored what it did.")
  boolean explain;
  @Option(names = "--json", description = "Print the result as JSON, as the HTTP API returns it.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    SearchRequest request;
    try {
      request = SearchParameters.parse(parameters());
    } catch (InvalidRequestException e) {
      System.err.println("error: " + message(e));
      return 2;
    }
    try (Engine engine = index.open()) {
      SearchResult result;
      try {
        result = engine.search().search(request);
      } catch (InvalidRequestException e) {
        System.err.println("error: " + message(e));
        return 2;
      }
      if (json) {
        System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
      } else {
        print(result, System.out);
      }
      return 0;
    }
  }

  /** The options as GET /api/search's parameters: the names a search is read by. */
  Map<String, List<String>> parameters() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    put(p, "q", query);
    p.put("lang", languages);
    p.put("tag", tags);
    p.put("source", sources);
    p.put("person", persons);
    p.put("org", orgs);
    p.put("place", places);
    put(p, "from", from);
    put(p, "to", to);
    put(p, "sort", sort);
    put(p, "recency_scale", recencyScale);
    put(p, "op", alias(op, matchAll, "and", "--and", "--op"));
    put(p, "strict", strict ? "true" : null);
    put(p, "dates", alias(dates, noDates, "off", "--no-dates", "--dates"));
    put(p, "collapse", alias(collapse, allVersions, "none", "--all-versions", "--collapse"));
    put(p, "size", size);
    put(p, "page", page);
    put(p, "cursor", cursor);
    put(p, "now", now);
    put(p, "explain", explain ? "true" : null);
    p.values().removeIf(List::isEmpty);
    return p;
  }

  /** The message naming the option a user typed ({@code --recency-scale}), not the HTTP parameter. */
  static String message(InvalidRequestException e) {
    return e.parameter() == null ? e.getMessage()
        : (e.parameter().equals("q") ? "QUERY" : "--" + e.parameter().replace('_', '-')) + ": " + e.problem();
  }

  private static void put(Map<String, List<String>> p, String name, String value) {
    List<String> values = new ArrayList<>();
    if (value != null) {
      values.add(value);
    }
    p.put(name, values);
  }

  /** The value of an option that a short flag can also set; both at once is an error. */
  private static String alias(String value, boolean flag, String flagValue, String flagName, String optionName) {
    if (flag && value != null) {
      throw InvalidRequestException.parameter(optionName.substring(2), "give " + optionName + " or " + flagName + ", not both");
    }
    return flag ? flagValue : value;
  }

  private static void print(SearchResult r, PrintStream out) {
    out.printf("%,d hits%s in %d ms%s%n%n", r.total(), r.totalArticles() > r.total()
        ? String.format(" (one per story, %,d articles)", r.totalArticles()) : "", r.tookMs(),
        r.timedOut() ? " (time budget spent: partial results)" : "");
    if (r.interpreted() != null) {
      out.printf("Date from the query: \"%s\" = %s .. %s%n%n", r.interpreted().text(),
          r.interpreted().from() == null ? "" : r.interpreted().from(), r.interpreted().to() == null ? "" : r.interpreted().to());
    }
    if (r.suggestion() != null) {
      out.printf("Did you mean: %s%n%n", r.suggestion());
    }
    int rank = (r.page() <= 1 ? 0 : (r.page() - 1) * r.size());
    for (SearchResult.Hit h : r.hits()) {
      out.printf("%2d. %s  [%s, %s, %s]  score %.2f%n", ++rank, h.title(), h.language(),
          h.source() == null ? "-" : h.source(), date(h.published()), h.score());
      out.printf("    id %s%s%n", h.id(), h.tags().isEmpty() ? "" : "  tags: " + String.join(", ", h.tags()));
      if (h.sourcesCount() != null && h.sourcesCount() > 0) {
        out.printf("    also in %d other source(s): %s%n", h.sourcesCount(), String.join(", ",
            h.sources().stream().map(v -> v.source() == null ? v.id() : v.source()).toList()));
      }
      if (h.explanation() != null) {
        out.println("    why: " + h.explanation().summary());
      }
      String snippet = h.highlight() == null ? null : h.highlight().body();
      if (snippet != null && !snippet.isBlank()) {
        out.println("    " + snippet.replace("<mark>", "[").replace("</mark>", "]")
            .replace("&quot;", "\"").replace("&#x27;", "'").replace("&amp;", "&")
            .replace("&lt;", "<").replace("&gt;", ">"));
      }
      out.println();
    }
    if (r.nextCursor() != null) {
      out.println("next page: --cursor " + r.nextCursor());
    }
  }

  private static String date(Instant i) {
    return i == null ? "undated" : i.atZone(ZoneOffset.UTC).toLocalDate().toString();
  }
}

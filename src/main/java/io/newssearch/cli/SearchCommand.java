package io.newssearch.cli;

import io.newssearch.Engine;
import io.newssearch.http.Json;
import io.newssearch.search.Durations;
import io.newssearch.search.InvalidRequestException;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SortOrder;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newssearch search}: the same search the HTTP API answers, printed for a terminal. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Search the index.")
final class SearchCommand implements Callable<Integer> {

  @Mixin IndexOptions index;

  @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "Query (Lucene syntax).")
  String query = "";

  @Option(names = "--lang", split = ",", description = "Languages (ISO 639-1), any of them.")
  List<String> languages = List.of();

  @Option(names = "--tag", description = "Tag that must be present (repeatable: all must match).")
  List<String> tags = List.of();

  @Option(names = "--source", description = "Source (repeatable: any of them).")
  List<String> sources = List.of();

  @Option(names = "--from", description = "Earliest date, inclusive (YYYY-MM-DD).")
  LocalDate from;

  @Option(names = "--to", description = "Latest date, inclusive (YYYY-MM-DD).")
  LocalDate to;

  @Option(names = "--sort", defaultValue = "relevance", description = "relevance, date or recency.")
  String sort;

  @Option(names = "--size", defaultValue = "10") int size;
  @Option(names = "--page", defaultValue = "1") int page;
  @Option(names = "--strict", description = "Report malformed query syntax instead of searching words.")
  boolean strict;
  @Option(names = "--and", description = "Every word must match.") boolean matchAll;
  @Option(names = "--explain", description = "Show why each hit scored what it did.")
  boolean explain;
  @Option(names = "--recency-scale", description = "Half-life of the recency decay (7d, 12h, P7D); sort=recency.")
  String recencyScale;
  @Option(names = "--no-dates", description = "Search date phrases in the query as words, not as a date filter.")
  boolean noDates;
  @Option(names = "--all-versions", description = "Show every version of a story, not one hit per story.")
  boolean allVersions;
  @Option(names = "--json", description = "Print the result as JSON, as the HTTP API returns it.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    try (Engine engine = index.open()) {
      SearchRequest request;
      SearchResult result;
      try {
        request = SearchRequest.builder()
            .query(query).strict(strict).matchAll(matchAll)
            .from(from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant())
            .to(to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1))
            .languages(languages).tags(tags).sources(sources)
            .sort(SortOrder.parse(sort)).page(page).size(size)
            .explain(explain).dates(!noDates).collapse(!allVersions)
            .recencyScale(recencyScale == null ? null : Durations.parse("--recency-scale", recencyScale))
            .build();
        result = engine.search().search(request);
      } catch (InvalidRequestException e) {
        System.err.println("error: " + e.getMessage());
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
  }

  private static String date(Instant i) {
    return i == null ? "undated" : i.atZone(ZoneOffset.UTC).toLocalDate().toString();
  }
}

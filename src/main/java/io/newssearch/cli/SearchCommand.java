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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newssearch search}: the same search the HTTP API answers, printed for a terminal. Every
 * option is a parameter of {@code GET /api/search} under the same name ({@code --recency-scale} is
 * {@code recency_scale}) and is read by the same {@link SearchParameters}, so both accept and refuse
 * the same values with the same words.
 */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
    modelTransformer = SearchCommand.ParameterOptions.class,
    description = "Search the index (the options are GET /api/search's parameters).")
final class SearchCommand implements Callable<Integer> {

  @Mixin IndexOptions index;
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "Query (Lucene syntax); none: every article.")
  String query;

  // Short forms kept from before the options were the API's parameters.
  @Option(names = "--and", description = "Every word must match (the same as --op and).")
  boolean matchAll;
  @Option(names = "--no-dates", description = "The same as --dates off.")
  boolean noDates;
  @Option(names = "--all-versions", description = "The same as --collapse none.")
  boolean allVersions;
  @Option(names = "--json", description = "Print the result as JSON, as the HTTP API returns it.")
  boolean json;

  /** The option of a search parameter: {@code recency_scale} is {@code --recency-scale}. */
  static String option(String parameter) {
    return "--" + parameter.replace('_', '-');
  }

  /** Adds an option for every parameter of {@link SearchParameters#ALL} but the query itself. */
  static final class ParameterOptions implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec command) {
      for (SearchParameters.Parameter p : SearchParameters.ALL) {
        if (p.name().equals("q")) {
          continue;
        }
        OptionSpec.Builder o = OptionSpec.builder(option(p.name())).description(p.description());
        if (p.isFlag()) {
          o.type(boolean.class).arity("0");
        } else if (p.repeatable()) {
          o.type(List.class).auxiliaryTypes(String.class).paramLabel(p.label());
        } else {
          o.type(String.class).paramLabel(p.label());
        }
        command.addOption(o.build());
      }
      return command;
    }
  }

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
      index.requireArticles(engine, "");
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
    if (query != null) {
      p.put("q", List.of(query));
    }
    for (SearchParameters.Parameter parameter : SearchParameters.ALL) {
      OptionSpec o = spec.findOption(option(parameter.name()));
      Object value = o == null ? null : o.getValue();
      switch (value) {
        case Boolean flag when flag -> p.put(parameter.name(), List.of("true"));
        case List<?> values when !values.isEmpty() -> p.put(parameter.name(), values.stream().map(String::valueOf).toList());
        case String text -> p.put(parameter.name(), List.of(text));
        case null, default -> { }
      }
    }
    alias(p, "op", matchAll, "and", "--and");
    alias(p, "dates", noDates, "off", "--no-dates");
    alias(p, "collapse", allVersions, "none", "--all-versions");
    return p;
  }

  /** A short flag that sets a parameter; giving both is an error. */
  private static void alias(Map<String, List<String>> p, String name, boolean flag, String value, String flagName) {
    if (!flag) {
      return;
    }
    if (p.containsKey(name)) {
      throw InvalidRequestException.parameter(name, "give " + option(name) + " or " + flagName + ", not both");
    }
    p.put(name, List.of(value));
  }

  /** The message naming the option a user typed ({@code --recency-scale}), not the HTTP parameter. */
  static String message(InvalidRequestException e) {
    return e.parameter() == null ? e.getMessage()
        : (e.parameter().equals("q") ? "QUERY" : option(e.parameter())) + ": " + e.problem();
  }

  private static void print(SearchResult r, PrintStream out) {
    out.printf("%,d %s%s in %d ms%s%n%n", r.total(), r.total() == 1 ? "hit" : "hits", r.totalArticles() > r.total()
        ? String.format(" (one per story, %,d articles)", r.totalArticles()) : "", r.tookMs(),
        r.timedOut() ? " (time budget spent: partial results)" : "");
    if (r.interpreted() != null) {
      out.printf("Date from the query: \"%s\" = %s .. %s%n%n", r.interpreted().text(),
          r.interpreted().from() == null ? "" : r.interpreted().from(), r.interpreted().to() == null ? "" : r.interpreted().to());
    }
    if (r.relaxed() != null) {
      out.printf("No results for the exact phrase%s %s; showing results for the words.%n%n",
          r.relaxed().phrases().size() > 1 ? "s" : "",
          String.join(", ", r.relaxed().phrases().stream().map(p -> "\"" + p + "\"").toList()));
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

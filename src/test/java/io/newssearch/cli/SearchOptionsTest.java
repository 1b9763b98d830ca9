package io.newssearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.search.InvalidRequestException;
import io.newssearch.search.SearchParameters;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code newssearch search} and {@code GET /api/search} read the same parameters by the same rules. */
class SearchOptionsTest {

  private static SearchCommand parsed(String... args) {
    SearchCommand command = new SearchCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void every_search_parameter_has_an_option_of_the_same_name() {
    SearchCommand all = parsed("naval drill", "--lang", "eng", "--tag", "Iran", "--source", "Harbor Gazette",
        "--person", "A B", "--org", "Navy", "--place", "Caspian", "--from", "2025-01-01", "--to", "2025-12-31",
        "--sort", "recency", "--recency-scale", "7d", "--op", "and", "--strict", "--dates", "off",
        "--collapse", "none", "--mode", "semantic", "--size", "5", "--page", "2", "--cursor", "abc", "--now", "2026-01-01",
        "--explain", "--facets", "language,date");
    Set<String> names = new HashSet<>(SearchParameters.SINGLE);
    names.addAll(SearchParameters.MULTI);
    assertEquals(names, all.parameters().keySet());
  }

  @Test
  void the_same_values_make_the_same_request() {
    SearchCommand cli = parsed("drill", "--lang", "English,ru", "--to", "2025-07-25", "--sort", "recency",
        "--recency-scale", "12h", "--and", "--all-versions", "--now", "2026-01-01T00:00:00Z");
    Map<String, List<String>> http = Map.of("q", List.of("drill"), "lang", List.of("English,ru"),
        "to", List.of("2025-07-25"), "sort", List.of("recency"), "recency_scale", List.of("12h"),
        "op", List.of("and"), "collapse", List.of("none"), "now", List.of("2026-01-01T00:00:00Z"));
    assertEquals(SearchParameters.parse(http), SearchParameters.parse(cli.parameters()));
    assertEquals(List.of("en", "ru"), SearchParameters.parse(cli.parameters()).languages());
  }

  @Test
  void a_bad_value_is_refused_with_the_same_words_naming_the_option() {
    InvalidRequestException cli = assertThrows(InvalidRequestException.class,
        () -> SearchParameters.parse(parsed("x", "--from", "2024-13-45").parameters()));
    InvalidRequestException http = assertThrows(InvalidRequestException.class,
        () -> SearchParameters.parse(Map.of("q", List.of("x"), "from", List.of("2024-13-45"))));
    assertEquals(http.getMessage(), cli.getMessage());
    assertTrue(SearchCommand.message(cli).startsWith("--from: '2024-13-45' is not a valid date"), SearchCommand.message(cli));
    assertThrows(InvalidRequestException.class, () -> parsed("x", "--and", "--op", "or").parameters());
  }
}

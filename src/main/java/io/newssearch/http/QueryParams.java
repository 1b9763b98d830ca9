package io.newssearch.http;

import io.newssearch.search.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query string of a small endpoint (related, suggest, stats), checked once: unknown names and
 * repeated values are 400s naming the parameter, as for search. Every parameter here is single-valued.
 */
final class QueryParams {

  private final Map<String, List<String>> params;

  private QueryParams(Map<String, List<String>> params) {
    this.params = params;
  }

  /** @param known the parameters the endpoint takes; anything else is an error naming it */
  static QueryParams of(Map<String, List<String>> params, Set<String> known) {
    for (var e : params.entrySet()) {
      if (!known.contains(e.getKey())) {
        String expected = known.isEmpty() ? "this endpoint takes no parameters"
            : "known are " + new TreeSet<>(known);
        throw InvalidRequestException.parameter(e.getKey(), "unknown parameter; " + expected);
      }
      if (e.getValue().size() > 1) {
        throw InvalidRequestException.parameter(e.getKey(), "given " + e.getValue().size() + " times, allowed once");
      }
    }
    return new QueryParams(params);
  }

  /** The value, or null when absent. */
  String text(String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** A whole number; the default when absent or empty. Range checks belong to the request record. */
  int integer(String name, int dflt) {
    String v = text(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw InvalidRequestException.parameter(name, "expected a whole number, got '" + v + "'");
    }
  }
}

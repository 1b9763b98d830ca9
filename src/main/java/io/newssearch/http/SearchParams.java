package io.newssearch.http;

import io.javalin.http.Context;
import io.newssearch.search.Durations;
import io.newssearch.search.InvalidRequestException;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SortOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the query string of {@code GET /api/search} into a validated {@link SearchRequest}. Unknown
 * parameters and repeated single-valued ones are errors, not silently ignored.
 */
final class SearchParams {

  /** Parameters that may be repeated (or comma-separated, for lang). */
  static final Set<String> MULTI = Set.of("lang", "tag", "source", "person", "org", "place");
  static final Set<String> SINGLE = Set.of(
      "q", "strict", "op", "from", "to", "sort", "page", "size", "cursor", "now", "explain", "recency_scale", "dates", "collapse");

  private SearchParams() {}

  static SearchRequest parse(Context ctx) {
    Map<String, List<String>> params = ctx.queryParamMap();
    checkNames(params);
    SearchRequest.Builder b = SearchRequest.builder()
        .query(single(params, "q", ""))
        .strict(bool(params, "strict"))
        .matchAll(operator(single(params, "op", "or")))
        .from(date(params, "from", false))
        .to(date(params, "to", true))
        .languages(languages(params.getOrDefault("lang", List.of())))
        .tags(values(params, "tag"))
        .sources(values(params, "source"))
        .persons(entities(params, "person"))
        .orgs(entities(params, "org"))
        .places(entities(params, "place"))
        .sort(SortOrder.parse(single(params, "sort", "relevance")))
        .page(integer(params, "page", 1))
        .size(integer(params, "size", SearchRequest.DEFAULT_SIZE))
        .explain(bool(params, "explain"))
        .dates(onOff(params, "dates"))
        .collapse(collapse(single(params, "collapse", "story")));
    String scale = single(params, "recency_scale", null);
    if (scale != null && !scale.isBlank()) {
      if (!single(params, "sort", "relevance").equalsIgnoreCase("recency")) {
        throw InvalidRequestException.parameter("recency_scale", "applies to sort=recency only");
      }
      b.recencyScale(Durations.parse("recency_scale", scale));
    }
    String cursor = single(params, "cursor", null);
    if (cursor != null && !cursor.isEmpty()) {
      b.cursor(cursor);
    }
    Instant now = date(params, "now", false);
    if (now != null) {
      b.now(now);
    }
    return b.build();
  }

  private static void checkNames(Map<String, List<String>> params) {
    for (var e : params.entrySet()) {
      String name = e.getKey();
      if (!SINGLE.contains(name) && !MULTI.contains(name)) {
        Set<String> known = new TreeSet<>(SINGLE);
        known.addAll(MULTI);
        throw InvalidRequestException.parameter(name, "unknown parameter; known are " + known);
      }
      if (SINGLE.contains(name) && e.getValue().size() > 1) {
        throw InvalidRequestException.parameter(name, "given " + e.getValue().size() + " times, allowed once");
      }
    }
  }

  private static String single(Map<String, List<String>> params, String name, String dflt) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? dflt : v.get(0);
  }

  private static boolean bool(Map<String, List<String>> params, String name) {
    String v = single(params, name, "false").toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true", "1", "yes", "" -> true;
      case "false", "0", "no" -> false;
      default -> throw InvalidRequestException.parameter(name, "expected true or false, got '" + v + "'");
    };
  }

  /** {@code dates=on} (default) reads date phrases in q as filters; {@code off} searches q as typed. */
  private static boolean onOff(Map<String, List<String>> params, String name) {
    String v = single(params, name, "on").toLowerCase(Locale.ROOT);
    return switch (v) {
      case "on", "true" -> true;
      case "off", "false" -> false;
      default -> throw InvalidRequestException.parameter(name, "expected on or off, got '" + v + "'");
    };
  }

  private static boolean collapse(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "story" -> true;
      case "none" -> false;
      default -> throw InvalidRequestException.parameter("collapse", "expected 'story' or 'none', got '" + v + "'");
    };
  }

  private static boolean operator(String op) {
    return switch (op.toLowerCase(Locale.ROOT)) {
      case "and" -> true;
      case "or" -> false;
      default -> throw InvalidRequestException.parameter("op", "expected 'and' or 'or', got '" + op + "'");
    };
  }

  private static int integer(Map<String, List<String>> params, String name, int dflt) {
    String v = single(params, name, null);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw InvalidRequestException.parameter(name, "expected a whole number, got '" + v + "'");
    }
  }

  private static List<String> values(Map<String, List<String>> params, String name) {
    List<String> out = new ArrayList<>();
    for (String v : params.getOrDefault(name, List.of())) {
      if (!v.isBlank()) {
        out.add(v.strip());
      }
    }
    return out;
  }

  /** Longest entity value accepted; names are short, a longer value is a mistake, not a name. */
  static final int MAX_ENTITY_LENGTH = 200;

  private static List<String> entities(Map<String, List<String>> params, String name) {
    List<String> out = values(params, name);
    for (String v : out) {
      if (v.length() > MAX_ENTITY_LENGTH) {
        throw InvalidRequestException.parameter(name, "a value may be at most " + MAX_ENTITY_LENGTH + " characters");
      }
    }
    return out;
  }

  static List<String> languages(List<String> raw) {
    List<String> out = new ArrayList<>();
    for (String v : raw) {
      for (String code : v.split(",")) {
        String c = code.strip().toLowerCase(Locale.ROOT);
        if (c.isEmpty()) {
          continue;
        }
        if (!c.matches("[a-z]{2,3}")) {
          throw InvalidRequestException.parameter("lang", "'" + code.strip()
              + "' is not an ISO 639 language code such as en, ru, fa");
        }
        out.add(c);
      }
    }
    return out;
  }

  /**
   * An ISO date ({@code 2025-07-25}) or date-time with zone ({@code 2025-07-25T10:00:00Z}). A bare
   * date as the upper bound means the end of that day, so {@code to=2025-07-25} includes the 25th.
   */
  static Instant date(Map<String, List<String>> params, String name, boolean endOfDay) {
    String v = single(params, name, null);
    return v == null || v.isBlank() ? null : parseDate(name, v.strip(), endOfDay);
  }

  static Instant parseDate(String name, String v, boolean endOfDay) {
    try {
      if (v.length() == 10) {
        LocalDate d = LocalDate.parse(v);
        return endOfDay
            ? d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
            : d.atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw InvalidRequestException.parameter(name, "'" + v
          + "' is not a valid ISO date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM:SSZ)");
    }
  }

}

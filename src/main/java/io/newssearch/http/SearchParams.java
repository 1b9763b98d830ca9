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
    QueryParams p = QueryParams.of(ctx.queryParamMap(), SINGLE, MULTI);
    String sort = p.text("sort", "relevance");
    SearchRequest.Builder b = SearchRequest.builder()
        .query(p.text("q", ""))
        .strict(p.bool("strict"))
        .matchAll(p.choice("op", "or", Map.of("and", true, "or", false)))
        .from(date(p, "from", false))
        .to(date(p, "to", true))
        .languages(languages(p.values("lang")))
        .tags(p.values("tag"))
        .sources(p.values("source"))
        .persons(entities(p, "person"))
        .orgs(entities(p, "org"))
        .places(entities(p, "place"))
        .sort(SortOrder.parse(sort))
        .page(p.integer("page", 1))
        .size(p.integer("size", SearchRequest.DEFAULT_SIZE))
        .explain(p.bool("explain"))
        // dates=on (default) reads date phrases in q as filters; off searches q as typed.
        .dates(p.choice("dates", "on", Map.of("on", true, "true", true, "off", false, "false", false)))
        .collapse(p.choice("collapse", "story", Map.of("story", true, "none", false)));
    String scale = p.text("recency_scale", null);
    if (scale != null) {
      if (!sort.equalsIgnoreCase("recency")) {
        throw InvalidRequestException.parameter("recency_scale", "applies to sort=recency only");
      }
      b.recencyScale(Durations.parse("recency_scale", scale));
    }
    String cursor = p.text("cursor", null);
    if (cursor != null) {
      b.cursor(cursor);
    }
    Instant now = date(p, "now", false);
    if (now != null) {
      b.now(now);
    }
    return b.build();
  }

  /** Longest entity value accepted; names are short, a longer value is a mistake, not a name. */
  static final int MAX_ENTITY_LENGTH = 200;

  private static List<String> entities(QueryParams p, String name) {
    List<String> out = p.values(name);
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
  static Instant date(QueryParams p, String name, boolean endOfDay) {
    String v = p.text(name, null);
    return v == null ? null : parseDate(name, v.strip(), endOfDay);
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

package io.newssearch.search;

import io.newssearch.article.LanguageCodes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one reading of a search's parameters into a validated {@link SearchRequest}, for every way a
 * search arrives: the query string of {@code GET /api/search}, the options of {@code newssearch
 * search} (named as here), a JSON body. Each parameter has one rule, written once: a language is
 * normalised as ingest normalises it, a bare {@code to} date means the end of that day, a duration
 * is read by {@link Durations}. Unknown parameters and repeated single-valued ones are errors.
 */
public final class SearchParameters {

  /**
   * One parameter of a search, as the HTTP API and the command line both name and describe it.
   *
   * @param label what a value looks like, for help texts; null for a flag (true when present)
   * @param repeatable true when it may be given more than once
   */
  public record Parameter(String name, String label, boolean repeatable, String description) {

    public boolean isFlag() {
      return label == null;
    }
  }

  /** Every parameter of a search, in the order help texts list them. */
  public static final List<Parameter> ALL = List.of(
      new Parameter("q", "QUERY", false, "Query in Lucene syntax; empty: every article."),
      new Parameter("lang", "LANG", true, "Languages, any of them (repeatable or comma-separated): en, eng or English."),
      new Parameter("tag", "TAG", true, "A tag every hit has (repeatable: all must match)."),
      new Parameter("source", "SOURCE", true, "A source, any of them (repeatable)."),
      new Parameter("person", "NAME", true, "A person every hit names (repeatable)."),
      new Parameter("org", "NAME", true, "An organisation every hit names (repeatable)."),
      new Parameter("place", "NAME", true, "A place every hit names (repeatable)."),
      new Parameter("from", "DATE", false, "Earliest publication, inclusive: 2025-07-25 or 2025-07-25T10:00:00Z."),
      new Parameter("to", "DATE", false, "Latest publication, inclusive (a bare date: its whole day)."),
      new Parameter("sort", "relevance|date|recency", false, "relevance (default), date (newest first) or recency (relevance decayed by age)."),
      new Parameter("recency_scale", "DURATION", false, "Half-life of the recency decay with sort recency: 7d, 12h, P7D (default 14d)."),
      new Parameter("op", "and|or", false, "or (default: any word, ranked by how many match) or and (every word)."),
      new Parameter("strict", null, false, "Report malformed query syntax instead of searching it as words, and keep a quoted phrase that finds nothing exact instead of searching its words."),
      new Parameter("dates", "on|off", false, "on (default): a date phrase in the query filters by date; off: searched as words."),
      new Parameter("mode", "lexical|semantic|hybrid", false, "lexical: by words; semantic: by meaning (kNN); hybrid: "
          + "both fused (default where the index has vectors, else lexical)."),
      new Parameter("collapse", "story|none", false, "story (default): one hit per story; none: every version."),
      new Parameter("facets", "all|none|NAMES", false, "The facets to count: all (default), none, or names "
          + "separated by commas (language, tags, source, date, person, org, place); the others are left out."),
      new Parameter("size", "N", false, "Hits per page, 1-100 (default 10)."),
      new Parameter("page", "N", false, "1-based page (default 1); page x size at most 10,000."),
      new Parameter("cursor", "CURSOR", false, "next_cursor of a previous answer, for deep paging."),
      new Parameter("now", "DATE", false, "The instant recency and date phrases are measured from (default: the clock)."),
      new Parameter("explain", null, false, "Each hit says why it scored what it did."));

  /** Parameters that may be repeated (or comma-separated, for lang). */
  public static final Set<String> MULTI = names(true);
  public static final Set<String> SINGLE = names(false);
  /** Parameters that select articles: what an alert or a feed may carry too. */
  public static final Set<String> SELECTING = Set.of("q", "strict", "op", "lang", "tag", "source", "person", "org", "place");
  /** Longest entity value accepted; names are short, a longer value is a mistake, not a name. */
  static final int MAX_ENTITY_LENGTH = 200;

  private SearchParameters() {}

  private static Set<String> names(boolean repeatable) {
    Set<String> out = new java.util.TreeSet<>();
    ALL.stream().filter(p -> p.repeatable() == repeatable).forEach(p -> out.add(p.name()));
    return Set.copyOf(out);
  }

  /**
   * {@code *} and {@code *:*}, which Elasticsearch and Solr users type to see everything, as the
   * blank query that means it here: as a wildcard, {@code *} would match nothing (a lenient search)
   * or be refused for having no prefix (a strict one).
   */
  private static String everythingAsBlank(String q) {
    String t = q.strip();
    return t.equals("*") || t.equals("*:*") ? "" : q;
  }

  /** @param params every value of every parameter by name, as a query string gives them */
  public static SearchRequest parse(Map<String, List<String>> params) {
    Parameters p = Parameters.of(params, SINGLE, MULTI);
    String sort = p.text("sort", "relevance");
    SearchRequest.Builder b = SearchRequest.builder()
        .query(everythingAsBlank(p.text("q", "")))
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
        .collapse(p.choice("collapse", "story", Map.of("story", true, "none", false)))
        .facets(Facet.parse(p.text("facets", "all")));
    String mode = p.text("mode", null);
    if (mode != null) {
      b.mode(SearchMode.parse(mode));
    }
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

  private static List<String> entities(Parameters p, String name) {
    List<String> out = p.values(name);
    for (String v : out) {
      if (v.length() > MAX_ENTITY_LENGTH) {
        throw InvalidRequestException.parameter(name, "a value may be at most " + MAX_ENTITY_LENGTH + " characters");
      }
    }
    return out;
  }

  /**
   * Language names as ingest reads them ({@link LanguageCodes}): {@code en}, {@code EN},
   * {@code eng} and {@code English} all mean English, so a filter finds the articles indexed as
   * English whichever form is given. Comma-separated values are split.
   */
  public static List<String> languages(List<String> raw) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : raw) {
      for (String name : v.split(",")) {
        String n = name.strip();
        if (n.isEmpty()) {
          continue;
        }
        String code = LanguageCodes.normalise(n);
        if (code == null) {
          throw InvalidRequestException.parameter("lang", "'" + n + "' is not a language we know; give an ISO 639 "
              + "code (en, ru, fa), a three-letter code (eng, rus, fas) or an English name (English, Russian)");
        }
        out.add(code);
      }
    }
    return new ArrayList<>(out);
  }

  private static Instant date(Parameters p, String name, boolean endOfDay) {
    String v = p.text(name, null);
    return v == null ? null : instant(name, v.strip(), endOfDay);
  }

  /**
   * An ISO date ({@code 2025-07-25}) or date-time with zone ({@code 2025-07-25T10:00:00Z}). A bare
   * date as an upper bound means the end of that day, so {@code to=2025-07-25} includes the 25th.
   *
   * @throws InvalidRequestException naming {@code name} when the text is neither
   */
  public static Instant instant(String name, String v, boolean endOfDay) {
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
          + "' is not a valid date: write YYYY-MM-DD (2025-07-25) or a date-time with its zone (2025-07-25T10:00:00Z)");
    }
  }
}

package io.newssearch.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark query, described once and turned into a newssearch request, a bare-Lucene query and
 * an HTTP URL, so every system answers the same question.
 *
 * @param type the kind: term, and, or, phrase, filtered, facets, date-sort
 * @param text the query text in Lucene syntax (a phrase is quoted)
 * @param matchAll every word must match
 * @param from start of the date filter, or null
 * @param to end of the date filter, or null
 * @param language language filter, or null
 * @param tag tag filter, or null
 * @param sortByDate newest first instead of relevance
 */
public record QueryCase(String type, String text, boolean matchAll, Instant from, Instant to, String language,
    String tag, boolean sortByDate) {

  /** Query types in the order the tables list them. */
  public static final List<String> TYPES = List.of("term", "and", "or", "phrase", "filtered", "facets", "date-sort");

  /** Whether bare Lucene (top-10 by relevance or date, stored title) answers the same question. */
  public boolean bareComparable() {
    return !type.equals("facets");
  }

  public String url() {
    List<String> p = new ArrayList<>();
    p.add("q=" + enc(text));
    if (matchAll) p.add("op=and");
    if (from != null) p.add("from=" + enc(from.toString()));
    if (to != null) p.add("to=" + enc(to.toString()));
    if (language != null) p.add("lang=" + enc(language));
    if (tag != null) p.add("tag=" + enc(tag));
    if (sortByDate) p.add("sort=date");
    return "/api/search?" + String.join("&", p);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static Instant day(Instant t, int plusDays) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}

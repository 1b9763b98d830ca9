package io.newssearch.search;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The facets a search can count, by the names its answer gives them. A request names the ones it
 * wants ({@code facets}): all by default, as the search page shows them; a client that shows none
 * ({@code facets=none}: a feed, a headline list, an alerting integration) spares the search their
 * cost, as Elasticsearch, Solr and Meilisearch count facets only when asked.
 */
public enum Facet {
  LANGUAGE, TAGS, SOURCE, DATE, PERSON, ORG, PLACE;

  public static final Set<Facet> ALL = Set.copyOf(EnumSet.allOf(Facet.class));

  /** The name in requests and answers: {@code language}, {@code tags}, … */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * {@code all}, {@code none}, or names separated by commas ({@code language,source}).
   *
   * @throws InvalidRequestException naming {@code facets} and the names it knows
   */
  public static Set<Facet> parse(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.equals("all")) {
      return ALL;
    }
    if (v.equals("none")) {
      return Set.of();
    }
    EnumSet<Facet> out = EnumSet.noneOf(Facet.class);
    for (String name : v.split(",")) {
      String n = name.strip();
      if (n.isEmpty()) {
        continue;
      }
      out.add(byKey(n));
    }
    if (out.isEmpty()) { // only commas: nothing named, which is neither all nor none
      throw InvalidRequestException.parameter("facets", "'" + value + "' names no facet; give all, none or names"
          + " separated by commas");
    }
    return Set.copyOf(out);
  }

  private static Facet byKey(String key) {
    for (Facet f : values()) {
      if (f.key().equals(key)) {
        return f;
      }
    }
    StringJoiner known = new StringJoiner(", ");
    for (Facet f : values()) {
      known.add(f.key());
    }
    throw InvalidRequestException.parameter("facets", "'" + key + "' is not a facet; give all, none or any of "
        + known + ", separated by commas");
  }
}

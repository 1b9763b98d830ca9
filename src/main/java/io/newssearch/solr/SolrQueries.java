package io.newssearch.solr;

import io.newssearch.search.QueryChecker;
import io.newssearch.search.Ranking;
import io.newssearch.search.Recency;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult.Highlight;
import io.newssearch.search.SortOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrQuery;

/**
 * A {@link SearchRequest} as Solr request parameters, the same search the embedded backend runs:
 *
 * <ul>
 *   <li>Text: one edismax query per language, over that language's title (weight 2) and body,
 *       with the body as proximity field (a sloppy phrase of the words, slop 8), summed
 *       ({@code tie=1}) as the embedded query sums title and body; the languages' queries are
 *       OR'ed. Parsing per language, as the embedded backend parses per analyzer, keeps a word
 *       that is a stopword in one language from failing an AND query in another.
 *   <li>Filters as {@code fq}, each tagged by its facet dimension so facets can leave it out
 *       (multi-select); the story collapse is a tagged {@code fq} too, so facets count articles.
 *   <li>Recency: a {@code {!boost}} by the same decay {@link Recency} computes.
 *   <li>Sort: score or date, then id, then the unique key (cursors need it last).
 * </ul>
 */
final class SolrQueries {

  static final String TAG_LANGUAGE = "language";
  static final String TAG_SOURCE = "source";
  static final String TAG_DATE = "date";
  static final String TAG_COLLAPSE = "collapse";
  /** Fields a query may name, as in the embedded backend; title and body are aliases per language. */
  private static final String USER_FIELDS = String.join(" ", new java.util.TreeSet<>(QueryChecker.QUERYABLE_FIELDS));

  private SolrQueries() {}

  /**
   * The scoring query and the filters of a search. Parameters referenced by the query ({@code $qq},
   * per-language field lists) are set on {@code q} too.
   *
   * @param text the checked query text ({@link QueryChecker}); blank: every article
   * @param languages the languages whose fields are searched
   */
  static SolrQuery search(SearchRequest r, String text, Collection<String> languages) {
    SolrQuery q = new SolrQuery();
    return search(q, r, textQuery(q, text, r.matchAll(), false, languages));
  }

  /**
   * The search around a given scoring query ({@code main}, whose parameters are already on
   * {@code q}): recency, filters, collapse and sort, as for the text query.
   */
  static SolrQuery search(SolrQuery q, SearchRequest r, String main) {
    if (r.sort() == SortOrder.RECENCY) {
      q.set("main", main);
      q.set("recency", recency(r.now(), r.recencyScale().toMillis()));
      q.setQuery("{!boost b=$recency v=$main}");
    } else {
      q.setQuery(main);
    }
    filters(q, r);
    if (r.collapse()) {
      q.addFilterQuery("{!collapse tag=" + TAG_COLLAPSE + " field=" + SolrFields.STORY + " sort='" + headOrder(r.sort()) + "'}");
    }
    q.set("sort", sort(r.sort()));
    return q;
  }

  /**
   * The text part, as a query string (parameters it names are set on {@code q}).
   *
   * @param exclusionsOnly the text only excludes ({@code *:* -oil}: {@link
   *     io.newssearch.search.CheckedQuery#exclusionsOnly})
   */
  static String textQuery(SolrQuery q, String text, boolean matchAll, boolean exclusionsOnly,
      Collection<String> languages) {
    if (text == null || text.isBlank() || languages.isEmpty()) {
      return "*:*";
    }
    q.set("qq", text);
    List<String> perLanguage = new ArrayList<>();
    int i = 0;
    Ranking ranking = Ranking.DEFAULT;
    for (String lang : languages) {
      String title = SolrFields.title(lang);
      String body = SolrFields.body(lang);
      String p = "l" + i++;
      q.set(p + "qf", title + "^" + ranking.titleWeight() + " " + body + "^1.0");
      q.set(p + "t", title);
      q.set(p + "b", body);
      q.set(p, "{!edismax qf=$" + p + "qf" + proximity(q, p, body, ranking)
          + " tie=1.0 q.op=" + (matchAll ? "AND" : "OR") + " sow=true lowercaseOperators=false"
          + " uf=$uf f.title.qf=$" + p + "t f.body.qf=$" + p + "b v=$qq}");
      if (exclusionsOnly) {
        // "*:* -oil" over one language's fields lets every article of the other languages through,
        // oil or not: each language's branch keeps to its own articles.
        q.set(p + "x", q.get(p));
        q.set(p + "l", term(SolrFields.LANGUAGE, lang));
        q.set(p, "{!bool must=$" + p + "x filter=$" + p + "l}");
      }
      perLanguage.add(p);
    }
    q.set("uf", USER_FIELDS);
    if (perLanguage.size() == 1) {
      return "{!query v=$" + perLanguage.get(0) + "}";
    }
    return perLanguage.stream().map(p -> "should=$" + p).collect(Collectors.joining(" ", "{!bool ", "}"));
  }

  /**
   * The ranking's proximity phrases as edismax parameters: {@code pf2} is a sloppy phrase per pair
   * of neighbouring words ({@link Ranking.Proximity#PAIRS}), {@code pf} one of all the words.
   */
  static String proximity(SolrQuery q, String p, String body, Ranking ranking) {
    if (!ranking.proximityOn()) {
      return "";
    }
    q.set(p + "pf", body + "^" + ranking.proximityBoost());
    return switch (ranking.proximity()) {
      case PAIRS -> " pf2=$" + p + "pf ps2=" + ranking.proximitySlop();
      case ALL_WORDS -> " pf=$" + p + "pf ps=" + ranking.proximitySlop();
      case OFF -> "";
    };
  }

  /** {@code floor + (1 - floor) * 0.5^(age / halfLife)}, age from {@code now}, undated: the floor. */
  static String recency(Instant now, long halfLifeMillis) {
    double floor = Recency.DEFAULT_FLOOR;
    // ms(published) is 0 for an undated article: its age is then decades and the factor the floor.
    return String.format(Locale.ROOT, "sum(%s,product(%s,pow(0.5,div(max(sub(%d,ms(%s)),0),%d))))",
        floor, 1 - floor, now.toEpochMilli(), SolrFields.PUBLISHED, halfLifeMillis);
  }

  static void filters(SolrQuery q, SearchRequest r) {
    if (!r.languages().isEmpty()) {
      q.addFilterQuery(tagged(TAG_LANGUAGE, anyOf(SolrFields.LANGUAGE, r.languages())));
    }
    if (!r.sources().isEmpty()) {
      q.addFilterQuery(tagged(TAG_SOURCE, anyOf(SolrFields.SOURCE_KEYWORD, r.sources())));
    }
    if (r.from() != null || r.to() != null) {
      q.addFilterQuery(tagged(TAG_DATE, range(r.from(), r.to())));
    }
    // A date said in the query is a date filter too, on top of from/to (both must hold).
    if (r.interpreted() != null) {
      q.addFilterQuery(tagged(TAG_DATE, range(r.interpreted().from(), r.interpreted().to())));
    }
    // Tags and named entities narrow: an article about both X and Y, not X or Y.
    r.tags().forEach(v -> q.addFilterQuery(exact(SolrFields.TAGS_KEYWORD, v)));
    r.persons().forEach(v -> q.addFilterQuery(exact(SolrFields.PERSON, v)));
    r.orgs().forEach(v -> q.addFilterQuery(exact(SolrFields.ORG, v)));
    r.places().forEach(v -> q.addFilterQuery(exact(SolrFields.PLACE, v)));
  }

  static String sort(SortOrder order) {
    return headOrder(order) + "," + SolrFields.KEY + " asc";
  }

  /** The order that picks a story's head and ranks hits: as the embedded backend's, score or date, then id. */
  static String headOrder(SortOrder order) {
    return switch (order) {
      case RELEVANCE, RECENCY -> "score desc," + SolrFields.ID + " asc";
      case DATE -> SolrFields.PUBLISHED + " desc," + SolrFields.ID + " asc"; // undated last: sortMissingLast
    };
  }

  /**
   * A request whose scores nobody reads (counts, facets, lookups): it skips the round trip that
   * gathers the collection's term statistics for exact distributed scoring ({@code statsCache}).
   */
  static SolrQuery unscored(String query) {
    SolrQuery q = new SolrQuery(query);
    q.set("distrib.statsCache", false);
    return q;
  }

  /** A filter on an exact value: no analysis, no syntax in the value. */
  static String term(String field, String value) {
    return "{!term f=" + field + "}" + value;
  }

  /** Any of the exact values; each quoted, so no value can be read as syntax. */
  static String terms(String field, Collection<String> values) {
    return anyOf(field, values);
  }

  static String anyOf(String field, Collection<String> values) {
    return field + ":(" + values.stream().map(SolrQueries::quoted).collect(Collectors.joining(" OR ")) + ")";
  }

  static String exact(String field, String value) {
    return field + ":" + quoted(value);
  }

  static String quoted(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  static String range(Instant from, Instant to) {
    return SolrFields.PUBLISHED + ":[" + (from == null ? "*" : from.toString()) + " TO "
        + (to == null ? "*" : to.toString()) + "]";
  }

  private static String tagged(String tag, String filter) {
    return "{!tag=" + tag + "}" + filter;
  }

  /** Highlighting as {@code search.Snippets} does it: the title whole, two body sentences, {@code <mark>}, HTML-escaped. */
  static void highlight(SolrQuery q, Collection<String> languages) {
    q.set("hl", true);
    q.set("hl.method", "unified");
    List<String> fields = new ArrayList<>();
    for (String lang : languages) {
      String title = SolrFields.title(lang);
      String body = SolrFields.body(lang);
      fields.add(title);
      fields.add(body);
      q.set("f." + title + ".hl.bs.type", "WHOLE");
      q.set("f." + title + ".hl.snippets", 1);
      q.set("f." + body + ".hl.bs.type", "SENTENCE");
      q.set("f." + body + ".hl.snippets", Highlight.BODY_PASSAGES);
    }
    q.set("hl.fl", String.join(",", fields));
    q.set("hl.requireFieldMatch", true);
    q.set("hl.usePhraseHighlighter", true);
    q.set("hl.highlightMultiTerm", true);
    q.set("hl.defaultSummary", true);
    q.set("hl.bs.language", "");
    q.set("hl.bs.country", "");
    q.set("hl.tag.pre", "<mark>");
    q.set("hl.tag.post", "</mark>");
    q.set("hl.tag.ellipsis", Highlight.PASSAGE_SEPARATOR);
    q.set("hl.encoder", "html");
    q.set("hl.maxAnalyzedChars", Highlight.MAX_ANALYZED_CHARS);
  }
}

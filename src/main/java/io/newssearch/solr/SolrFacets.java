package io.newssearch.solr;

import io.newssearch.search.DateHistogramPlan;
import io.newssearch.search.SearchResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newssearch.search.Facet;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult.DateHistogram;
import io.newssearch.search.SearchResult.FacetValue;
import io.newssearch.search.SearchResult.Facets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.solr.common.util.NamedList;

/**
 * Facets with Solr's JSON Facet API, counted as the embedded backend counts them: over articles
 * (every domain leaves out the story collapse), language, source and date drill-sideways (their
 * own filter left out, so the other values stay visible), tags and entities over the narrowed set,
 * the top {@link SearchResult.Facets#TOP_VALUES} values plus every selected one. Terms facets are refined,
 * so the counts shown are exact across shards.
 *
 * <p>The date histogram: the search's own request counts months over the whole collection's date
 * span and finds the first and last matching date; {@link DateHistogramPlan} plans the buckets
 * from those, and months or years are read from the monthly counts ({@link #fromMonths}). Only day
 * buckets (a span under two months) take a second request ({@link #histogramRequest}).
 */
final class SolrFacets {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A terms facet: its field, the request's selected values, and the tags its domain leaves out. */
  private record Dim(Facet facet, String field, List<String> selected, String excluded) {
    String name() {
      return facet.key();
    }
  }

  private SolrFacets() {}

  /** The terms facets the request asks for. */
  private static List<Dim> dims(SearchRequest r) {
    String c = SolrQueries.TAG_COLLAPSE;
    return Stream.of(
        new Dim(Facet.LANGUAGE, SolrFields.LANGUAGE, r.languages(), SolrQueries.TAG_LANGUAGE + "," + c),
        new Dim(Facet.TAGS, SolrFields.TAGS_KEYWORD, r.tags(), c),
        new Dim(Facet.SOURCE, SolrFields.SOURCE_KEYWORD, r.sources(), SolrQueries.TAG_SOURCE + "," + c),
        new Dim(Facet.PERSON, SolrFields.PERSON, r.persons(), c),
        new Dim(Facet.ORG, SolrFields.ORG, r.orgs(), c),
        new Dim(Facet.PLACE, SolrFields.PLACE, r.places(), c))
        .filter(d -> r.facets().contains(d.facet())).toList();
  }

  /**
   * The {@code json.facet} of a search, the facets it asks for and the article count; {@code known}
   * gives the span months are counted in.
   */
  static String request(SearchRequest r, SolrCollectionFacts.Facts known) {
    ObjectNode facets = JSON.createObjectNode();
    for (Dim d : dims(r)) {
      ObjectNode t = facets.putObject(d.name());
      t.put("type", "terms").put("field", d.field()).put("limit", SearchResult.Facets.TOP_VALUES)
          .put("mincount", 1).put("refine", true);
      t.putObject("domain").put("excludeTags", d.excluded());
      int i = 0;
      for (String v : new LinkedHashSet<>(d.selected())) {
        ObjectNode s = facets.putObject("sel_" + d.name() + "_" + i++);
        s.put("type", "query").put("q", SolrQueries.term(d.field(), v));
        s.putObject("domain").put("excludeTags", d.excluded());
      }
    }
    if (r.facets().contains(Facet.DATE)) {
      ObjectNode dates = facets.putObject("dates");
      dates.put("type", "query").put("q", "*:*");
      dates.putObject("domain").put("excludeTags", SolrQueries.TAG_DATE + "," + SolrQueries.TAG_COLLAPSE);
      dates.putObject("facet").put("lo", "min(" + SolrFields.PUBLISHED + ")").put("hi", "max(" + SolrFields.PUBLISHED + ")");
      if (known.oldest() != null) {
        LocalDate first = known.oldest().atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        LocalDate end = known.newest().atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).plusMonths(1);
        ObjectNode months = facets.putObject("months");
        months.put("type", "range").put("field", SolrFields.PUBLISHED).put("gap", "+1MONTH")
            .put("start", first.atStartOfDay(ZoneOffset.UTC).toInstant().toString())
            .put("end", end.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        months.putObject("domain").put("excludeTags", SolrQueries.TAG_DATE + "," + SolrQueries.TAG_COLLAPSE);
      }
    }
    ObjectNode articles = facets.putObject("articles");
    articles.put("type", "query").put("q", "*:*");
    articles.putObject("domain").put("excludeTags", SolrQueries.TAG_COLLAPSE);
    return facets.toString();
  }

  /** The facet counts of a response, the histogram aside. */
  static Facets read(NamedList<?> facets, SearchRequest r, DateHistogram histogram) {
    Map<String, List<FacetValue>> byDim = new LinkedHashMap<>();
    for (Dim d : dims(r)) {
      byDim.put(d.name(), values(facets, d));
    }
    // A facet not asked for is not in byDim: null, as the histogram then is.
    return new Facets(byDim.get("language"), byDim.get("tags"), byDim.get("source"), histogram,
        byDim.get("person"), byDim.get("org"), byDim.get("place"));
  }

  private static List<FacetValue> values(NamedList<?> facets, Dim d) {
    Set<String> wanted = new LinkedHashSet<>(d.selected());
    List<FacetValue> out = new ArrayList<>();
    NamedList<?> f = facets == null ? null : (NamedList<?>) facets.get(d.name());
    if (f != null && f.get("buckets") instanceof List<?> buckets) {
      for (Object b : buckets) {
        NamedList<?> bucket = (NamedList<?>) b;
        String value = String.valueOf(bucket.get("val"));
        out.add(new FacetValue(value, ((Number) bucket.get("count")).longValue(), wanted.remove(value)));
      }
    }
    int i = 0;
    for (String v : new LinkedHashSet<>(d.selected())) {
      NamedList<?> s = facets == null ? null : (NamedList<?>) facets.get("sel_" + d.name() + "_" + i++);
      if (wanted.contains(v)) { // selected but not among the top values
        out.add(new FacetValue(v, s == null ? 0 : ((Number) s.get("count")).longValue(), true));
      }
    }
    return out;
  }

  /** Matching articles, the collapse left out. */
  static long articles(NamedList<?> facets) {
    NamedList<?> a = facets == null ? null : (NamedList<?>) facets.get("articles");
    return a == null ? 0 : ((Number) a.get("count")).longValue();
  }

  /** The histogram's plan from the first and last date found, or null when no matching article is dated. */
  static DateHistogramPlan plan(NamedList<?> facets) {
    NamedList<?> dates = facets == null ? null : (NamedList<?>) facets.get("dates");
    if (dates == null || !(dates.get("lo") instanceof Date lo) || !(dates.get("hi") instanceof Date hi)) {
      return null;
    }
    return DateHistogramPlan.of(lo.getTime(), hi.getTime());
  }

  /**
   * The histogram from the monthly counts, for a plan by month or year; null when the plan is by
   * day, or when a matching date lies outside the months counted (the collection grew since its
   * span was read).
   */
  static DateHistogram fromMonths(DateHistogramPlan plan, NamedList<?> facets) {
    NamedList<?> m = facets == null ? null : (NamedList<?>) facets.get("months");
    if (plan.interval().equals("day") || m == null || !(m.get("buckets") instanceof List<?> buckets) || buckets.isEmpty()) {
      return null;
    }
    NamedList<?> dates = (NamedList<?>) facets.get("dates");
    LocalDate lo = day((Date) dates.get("lo"));
    LocalDate hi = day((Date) dates.get("hi"));
    LocalDate countedFrom = day((Date) ((NamedList<?>) buckets.get(0)).get("val"));
    LocalDate countedTo = day((Date) ((NamedList<?>) buckets.get(buckets.size() - 1)).get("val")).plusMonths(1);
    if (lo.isBefore(countedFrom) || !hi.isBefore(countedTo)) {
      return null;
    }
    LocalDate first = plan.starts().get(0);
    long[] counts = new long[plan.starts().size()];
    for (Object b : buckets) {
      NamedList<?> bucket = (NamedList<?>) b;
      long n = ((Number) bucket.get("count")).longValue();
      if (n == 0) {
        continue; // months outside the plan are empty: every matching date is inside it
      }
      LocalDate month = day((Date) bucket.get("val"));
      int i = plan.interval().equals("month")
          ? (int) java.time.temporal.ChronoUnit.MONTHS.between(first, month)
          : month.getYear() - first.getYear();
      counts[i] += n;
    }
    return plan.histogram(counts);
  }

  private static LocalDate day(Date d) {
    return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** The {@code json.facet} that counts the plan's buckets. */
  static String histogramRequest(DateHistogramPlan plan) {
    ObjectNode facets = JSON.createObjectNode();
    ObjectNode h = facets.putObject("hist");
    h.put("type", "range").put("field", SolrFields.PUBLISHED)
        .put("start", plan.starts().get(0).atStartOfDay(ZoneOffset.UTC).toInstant().toString())
        .put("end", plan.end().toString())
        .put("gap", switch (plan.interval()) {
          case "day" -> "+1DAY";
          case "month" -> "+1MONTH";
          default -> "+1YEAR";
        });
    h.putObject("domain").put("excludeTags", SolrQueries.TAG_DATE + "," + SolrQueries.TAG_COLLAPSE);
    return facets.toString();
  }

  static DateHistogram histogram(DateHistogramPlan plan, NamedList<?> facets) {
    long[] counts = new long[plan.starts().size()];
    NamedList<?> h = facets == null ? null : (NamedList<?>) facets.get("hist");
    if (h != null && h.get("buckets") instanceof List<?> buckets) {
      Map<LocalDate, Integer> index = new LinkedHashMap<>();
      for (int i = 0; i < plan.starts().size(); i++) {
        index.put(plan.starts().get(i), i);
      }
      for (Object b : buckets) {
        NamedList<?> bucket = (NamedList<?>) b;
        LocalDate start = day((Date) bucket.get("val"));
        Integer i = index.get(start);
        if (i != null) {
          counts[i] = ((Number) bucket.get("count")).longValue();
        }
      }
    }
    return plan.histogram(counts);
  }
}

package io.newssearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The answer to a {@link SearchRequest}: the number of matching articles, one page of hits,
 * facet counts over the whole matching set (or estimated from a sample of it, as {@code facetsCount} says), a cursor to the next page (null on the last), and a
 * did-you-mean query when few articles matched and the index knows better spellings (else null).
 * {@code timedOut} is true when the search ran past its time budget ({@link SearchLimits}) and
 * answers with the hits and counts it had collected by then. {@code interpreted} is the date phrase
 * read out of the query and applied as a filter (null when none, or with {@code dates=off}).
 * With {@code collapse=story} (the default) {@code total} counts stories and each hit is a story's
 * best-ranked version with the other matching versions in {@code sources}; {@code totalArticles}
 * counts the matching articles either way. {@code mode} is how the hits were found (lexical,
 * semantic or hybrid), the request's or the index's default. {@code totalRelation} says whether
 * {@code total} is exact or an estimate. {@code relaxed} names the quoted phrases no article held
 * as quoted, searched as words instead ({@link QuotedPhraseFallback}); null when none were.
 */
public record SearchResult(
    long total,
    @JsonProperty("took_ms") long tookMs,
    @JsonProperty("timed_out") boolean timedOut,
    int page,
    int size,
    @JsonProperty("next_cursor") String nextCursor,
    List<Hit> hits,
    Facets facets,
    String suggestion,
    DatePhrases.Found interpreted,
    String collapse,
    @JsonProperty("total_articles") long totalArticles,
    @JsonProperty("facets_count") String facetsCount,
    String mode,
    @JsonProperty("total_relation") String totalRelation,
    QuotedPhrases.Relaxed relaxed) {

  /** An engine's answer: engines search what they are asked; only the fallback relaxes phrases. */
  public SearchResult(long total, long tookMs, boolean timedOut, int page, int size, String nextCursor, List<Hit> hits,
      Facets facets, String suggestion, DatePhrases.Found interpreted, String collapse, long totalArticles,
      String facetsCount, String mode, String totalRelation) {
    this(total, tookMs, timedOut, page, size, nextCursor, hits, facets, suggestion, interpreted, collapse,
        totalArticles, facetsCount, mode, totalRelation, null);
  }

  /** This answer, to a search of the words of {@code relaxed}'s phrases, saying so; paged on by {@code next}. */
  public SearchResult withRelaxed(QuotedPhrases.Relaxed relaxed, String next) {
    return new SearchResult(total, tookMs, timedOut, page, size, next, hits, facets, suggestion, interpreted, collapse,
        totalArticles, facetsCount, mode, totalRelation, relaxed);
  }

  /** The same answer, as taken this long (an answer kept from an earlier search, given again). */
  public SearchResult withTook(long ms) {
    return new SearchResult(total, ms, timedOut, page, size, nextCursor, hits, facets, suggestion, interpreted,
        collapse, totalArticles, facetsCount, mode, totalRelation);
  }


  /**
   * Facet counts always count articles, collapsed or not: a source's count is how many of its
   * articles match, which is what filtering by it gives with {@code collapse=none}. ({@code
   * facets_count} is null when the request asked for no facet.)
   */
  public static final String FACETS_COUNT = "articles";

  /**
   * Facet counts of articles estimated from a uniform sample of the matching articles, each count
   * scaled by what a sampled article stands for: the embedded engine's answer when more than 2,000
   * articles match, so that a broad search costs what a narrow one does.
   */
  public static final String FACETS_SAMPLED = "articles_sampled";

  /** {@code total} is the exact number of matching stories (or articles, uncollapsed). */
  public static final String TOTAL_EXACT = "eq";

  /**
   * {@code total} is an estimate: the embedded engine, collapsed by story, when more than 10,000
   * articles match ({@code total_articles} stays exact).
   */
  public static final String TOTAL_ESTIMATED = "approx";

  /** One matching article with what a result list shows. Snippets are HTML-escaped, {@code <mark>}ed. */
  public record Hit(
      String id,
      String title,
      String url,
      Instant published,
      String language,
      List<String> tags,
      String source,
      float score,
      Highlight highlight,
      String story,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<SourceVersion> sources,
      @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("sources_count") Integer sourcesCount,
      @JsonInclude(JsonInclude.Include.NON_NULL) ScoreExplanation explanation) {

    /** Other versions listed per collapsed hit; {@code sources_count} says how many there are in all. */
    public static final int MAX_LISTED_SOURCES = 10;

    public Hit withExplanation(ScoreExplanation e) {
      return new Hit(id, title, url, published, language, tags, source, score, highlight, story, sources,
          sourcesCount, e);
    }

    public Hit withSources(List<SourceVersion> versions, int count) {
      return new Hit(id, title, url, published, language, tags, source, score, highlight, story, versions,
          count, explanation);
    }
  }

  /** Another version of a hit's story: who published it, where and when. */
  public record SourceVersion(String id, String source, String url, Instant published) {}

  /**
   * Why a hit scored what it did ({@code explain=true}): parts that add up to the score (title,
   * body, proximity, other fields, and recency as what the decay added or took away) and the same
   * as one line.
   */
  public record ScoreExplanation(double score, List<ScorePart> parts, String summary) {}

  public record ScorePart(String name, double value, String detail) {}

  /** Highlighted title (whole) and body passages (a lead when the body has no match). */
  public record Highlight(String title, String body) {

    /** Highlighted body passages, joined by {@link #PASSAGE_SEPARATOR}. */
    public static final int BODY_PASSAGES = 2;
    public static final String PASSAGE_SEPARATOR = " … ";
    /** How far into a body matches are looked for: past it, a lead is shown (long bodies stay cheap). */
    public static final int MAX_ANALYZED_CHARS = 200_000;
  }

  /**
   * Counts over the matching set. For a facet with a selected value the counts ignore that facet's
   * own filter (drill-sideways), so the other values stay visible for multi-select; tags, people,
   * organisations and places are AND filters, so their counts are over the narrowed set. A facet
   * the request did not ask for ({@code facets}) is null, left out of the JSON.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Facets(
      List<FacetValue> language, List<FacetValue> tags, List<FacetValue> source, DateHistogram date,
      List<FacetValue> person, List<FacetValue> org, List<FacetValue> place) {

    /** Values returned per facet; selected values are always included on top of these. */
    public static final int TOP_VALUES = 30;

    /** No facet counted ({@code facets=none}): an empty object. */
    public static final Facets NONE = new Facets(null, null, null, null, null, null, null);

    /** These counts with every facet {@code wanted} does not name left out (null). */
    public Facets only(java.util.Set<Facet> wanted) {
      return wanted.size() == Facet.values().length ? this : new Facets(
          wanted.contains(Facet.LANGUAGE) ? language : null, wanted.contains(Facet.TAGS) ? tags : null,
          wanted.contains(Facet.SOURCE) ? source : null, wanted.contains(Facet.DATE) ? date : null,
          wanted.contains(Facet.PERSON) ? person : null, wanted.contains(Facet.ORG) ? org : null,
          wanted.contains(Facet.PLACE) ? place : null);
    }
  }

  public record FacetValue(String value, long count, boolean selected) {}

  /** Buckets of publication dates; {@code interval} is day, month or year depending on the span. */
  public record DateHistogram(String interval, List<DateBucket> buckets) {}

  public record DateBucket(String key, Instant from, Instant to, long count) {}
}

package io.newssearch.search;


import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One search, parsed and validated once at the edge (HTTP or CLI) and immutable from then on.
 *
 * @param query user query in Lucene syntax; blank means every article
 * @param strict true: malformed syntax is an error; false: it is searched as plain words
 * @param matchAll true: every word must match (AND); false: any word (OR), ranked by how many match
 * @param from earliest publication instant, inclusive, or null
 * @param to latest publication instant, inclusive, or null
 * @param languages ISO codes, any of which matches; empty = all
 * @param tags all of which must be on the article; empty = no tag filter
 * @param sources publisher names, any of which matches; empty = all
 * @param sort order of hits
 * @param page 1-based page number (ignored when a cursor is given)
 * @param size hits per page
 * @param cursor opaque position from a previous response's {@code next_cursor}, or null
 * @param now the instant recency is measured from (the clock, or fixed for reproducible tests)
 * @param explain true: each hit carries a readable breakdown of its score
 * @param recencyScale half-life of the recency decay (sort=recency only)
 * @param interpreted the date phrase taken out of the query and used as a filter, or null (the
 *     query is then what remains; see {@link DatePhrases})
 * @param collapse true: one hit per story, its best-ranked version, the others in its sources
 * @param persons people the article must name, all of them (exact values as in the facets)
 * @param orgs organisations, all of them
 * @param places places, all of them
 * @param mode lexical, semantic or hybrid; null: the index's default ({@link SearchMode#defaultFor})
 * @param facets the facets to count ({@link Facet#ALL} by default); the others are left out of the answer
 */
public record SearchRequest(
    String query,
    boolean strict,
    boolean matchAll,
    Instant from,
    Instant to,
    List<String> languages,
    List<String> tags,
    List<String> sources,
    SortOrder sort,
    int page,
    int size,
    String cursor,
    Instant now,
    boolean explain,
    Duration recencyScale,
    DatePhrases.Found interpreted,
    boolean collapse,
    List<String> persons,
    List<String> orgs,
    List<String> places,
    SearchMode mode,
    Set<Facet> facets) {

  /**
   * The same request at a fixed instant: what identifies its answer when the clock does not change
   * it (any order but {@link SortOrder#RECENCY}; date phrases are read into {@code from}/{@code to}
   * before). Null for a recency-ordered search, whose scores decay with the clock.
   */
  public SearchRequest atAnyTime() {
    return sort == SortOrder.RECENCY ? null : new SearchRequest(query, strict, matchAll, from, to, languages, tags,
        sources, sort, page, size, cursor, Instant.EPOCH, explain, recencyScale, interpreted, collapse, persons, orgs,
        places, mode, facets);
  }

  /**
   * The same request with its date phrase searched as words (put back after the rest of the
   * query) instead of read as a filter; the request itself when it read none.
   */
  public SearchRequest withDatePhraseAsWords() {
    if (interpreted == null) {
      return this;
    }
    String words = (query + " " + interpreted.text()).strip();
    return new SearchRequest(words, strict, matchAll, from, to, languages, tags, sources, sort, page, size, cursor,
        now, explain, recencyScale, null, collapse, persons, orgs, places, mode, facets);
  }

  /** The same request searching {@code text} instead of its query (what is left of it, if a date was read). */
  public SearchRequest withQuery(String text) {
    return new SearchRequest(text, strict, matchAll, from, to, languages, tags, sources, sort, page, size, cursor,
        now, explain, recencyScale, interpreted, collapse, persons, orgs, places, mode, facets);
  }

  /** The same request going on from {@code position}. */
  public SearchRequest withCursor(String position) {
    return new SearchRequest(query, strict, matchAll, from, to, languages, tags, sources, sort, page, size, position,
        now, explain, recencyScale, interpreted, collapse, persons, orgs, places, mode, facets);
  }

  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 100;
  /** Page-based paging stops here; deeper pages use the cursor, which costs the same at any depth. */
  public static final int MAX_WINDOW = 10_000;

  public SearchRequest {
    query = query == null ? "" : query;
    languages = List.copyOf(languages);
    tags = List.copyOf(tags);
    sources = List.copyOf(sources);
    persons = List.copyOf(persons);
    orgs = List.copyOf(orgs);
    places = List.copyOf(places);
    facets = facets == null ? Facet.ALL : Set.copyOf(facets);
    if (size < 1 || size > MAX_SIZE) {
      throw InvalidRequestException.parameter("size", "must be between 1 and " + MAX_SIZE + ", got " + size);
    }
    if (page < 1) {
      throw InvalidRequestException.parameter("page", "must be 1 or more, got " + page);
    }
    if ((long) page * size > MAX_WINDOW) {
      throw InvalidRequestException.parameter("page", "page × size may not exceed " + MAX_WINDOW
          + "; use the cursor (next_cursor) to page deeper");
    }
    if (cursor != null && page != 1) {
      throw InvalidRequestException.parameter("cursor", "give either cursor or page, not both");
    }
    if (recencyScale == null) {
      recencyScale = Recency.DEFAULT_HALF_LIFE;
    } else if (recencyScale.isNegative() || recencyScale.isZero() || recencyScale.compareTo(Recency.MAX_HALF_LIFE) > 0) {
      throw InvalidRequestException.parameter("recency_scale", "must be more than zero and at most "
          + Recency.MAX_HALF_LIFE.toDays() + " days, got " + recencyScale);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw InvalidRequestException.parameter("from", "'from' (" + from + ") is after 'to' (" + to + ")");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Defaults: relevance, OR, lenient, page 1 of 10. */
  public static final class Builder {
    private String query = "";
    private boolean strict;
    private boolean matchAll;
    private Instant from, to;
    private List<String> languages = List.of(), tags = List.of(), sources = List.of();
    private SortOrder sort = SortOrder.RELEVANCE;
    private int page = 1, size = DEFAULT_SIZE;
    private String cursor;
    private Instant now;
    private boolean explain;
    private Duration recencyScale;
    private boolean dates = true;
    private boolean collapse = true;
    private List<String> persons = List.of(), orgs = List.of(), places = List.of();
    private SearchMode mode;
    private Set<Facet> facets = Facet.ALL;

    public Builder query(String v) { query = v; return this; }
    public Builder strict(boolean v) { strict = v; return this; }
    public Builder matchAll(boolean v) { matchAll = v; return this; }
    public Builder from(Instant v) { from = v; return this; }
    public Builder to(Instant v) { to = v; return this; }
    public Builder languages(List<String> v) { languages = v; return this; }
    public Builder tags(List<String> v) { tags = v; return this; }
    public Builder sources(List<String> v) { sources = v; return this; }
    public Builder sort(SortOrder v) { sort = v; return this; }
    public Builder page(int v) { page = v; return this; }
    public Builder size(int v) { size = v; return this; }
    public Builder cursor(String v) { cursor = v; return this; }
    public Builder now(Instant v) { now = v; return this; }
    public Builder explain(boolean v) { explain = v; return this; }
    public Builder recencyScale(Duration v) { recencyScale = v; return this; }
    /** true (default): a date phrase in the query becomes a filter; false: the query is searched as is. */
    public Builder dates(boolean v) { dates = v; return this; }

    /** true (default): one hit per story; false: every matching article. */
    public Builder collapse(boolean v) { collapse = v; return this; }

    public Builder persons(List<String> v) { persons = v; return this; }
    public Builder orgs(List<String> v) { orgs = v; return this; }
    public Builder places(List<String> v) { places = v; return this; }
    /** null (default): the index's default mode. */
    public Builder mode(SearchMode v) { mode = v; return this; }
    /** {@link Facet#ALL} (default); empty: none. */
    public Builder facets(Set<Facet> v) { facets = v; return this; }

    public SearchRequest build() {
      Instant at = now == null ? Instant.now() : now;
      DatePhrases.Found found = dates ? DatePhrases.find(query, at).orElse(null) : null;
      return new SearchRequest(found == null ? query : found.query(), strict, matchAll, from, to, languages,
          tags, sources, sort, page, size, cursor, at, explain, recencyScale, found, collapse,
          persons, orgs, places, mode, facets);
    }
  }
}

package io.newssearch.search;

/**
 * The numbers that shape an answer, for a backend outside this package (SolrCloud) to give the same
 * answers: how many facet values, listed sources, story versions, snippet passages, and the rules
 * of related articles. Each is defined, with its reason, where the embedded backend uses it.
 */
public final class SearchRules {

  private SearchRules() {}

  /** Values per facet ({@code FacetCounter}); selected values are always added. */
  public static final int FACET_VALUES = FacetCounter.TOP_VALUES;
  /** Other versions listed per collapsed hit ({@code StorySources}). */
  public static final int LISTED_SOURCES = StorySources.MAX_LISTED;
  /** Versions read for one story ({@code StoryVersions}). */
  public static final int STORY_VERSIONS = StoryVersions.MAX_VERSIONS;
  /** Highlighted body passages ({@code Snippets}), joined by {@link #PASSAGE_SEPARATOR}. */
  public static final int BODY_PASSAGES = Snippets.BODY_PASSAGES;
  public static final String PASSAGE_SEPARATOR = " … ";
  /** How far into a body matches are highlighted ({@code Snippets}). */
  public static final int HIGHLIGHT_MAX_CHARS = Snippets.MAX_ANALYZED_CHARS;
  /** Distinctive words taken from an article for related articles ({@code RelatedArticles}). */
  public static final int RELATED_QUERY_TERMS = RelatedArticles.MAX_QUERY_TERMS;
  /** Share of those words a related article must contain, and the least number of them. */
  public static final float RELATED_MIN_SHOULD_MATCH = RelatedArticles.MIN_SHOULD_MATCH;
  public static final int RELATED_MIN_SHARED_WORDS = RelatedArticles.MIN_SHARED_WORDS;
  /** A word must be in at least this many articles to be a related article's distinctive word. */
  public static final int RELATED_MIN_DOC_FREQ = RelatedArticles.MIN_DOC_FREQ;

  /** Words a related article must share with one chosen by {@code terms} distinctive words. */
  public static int relatedMinShared(int terms) {
    return RelatedArticles.minShared(terms);
  }
}

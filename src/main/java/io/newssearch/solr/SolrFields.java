package io.newssearch.solr;

import java.util.Locale;

/**
 * Field names of the Solr schema ({@code solr/newssearch/conf/managed-schema.xml}), which mirrors
 * {@code index.Schema}; the schema file says why each field is typed as it is.
 */
final class SolrFields {

  private SolrFields() {}

  /** The unique key: story!id, so the versions of a story share a shard ({@link SolrDocuments#key}). */
  static final String KEY = "key";
  static final String ID = "id";
  static final String URL = "url";
  static final String ORIGIN = "origin";
  static final String PUBLISHED = "published";
  static final String LANGUAGE = "language";
  static final String TAGS_KEYWORD = "tags_kw";
  static final String SOURCE_KEYWORD = "source_kw";
  static final String AUTHOR = "author";
  static final String PERSON = "person";
  static final String ORG = "org";
  static final String PLACE = "place";
  static final String STORY = "story";
  static final String STORY_BANDS = "story_band";
  static final String STORY_SIGNATURE = "story_sig";
  /** The article's vector, English articles of a collection with vectors only ({@link SolrVectors}). */
  static final String VECTOR = "vector";
  /** Headline and opening cut into pieces, articles in a language without a stemmer only ({@link SolrSubwords}). */
  static final String SUBWORDS = "subwords";
  static final String SUGGEST_TITLE = "suggest_title";
  static final String SUGGEST_TITLE_WORD = "suggest_title_word";
  static final String SUGGEST_TITLE_PREFIX = "suggest_title_prefix";
  static final String SUGGEST_TAG_WORD = "suggest_tag_word";
  static final String SUGGEST_TAG_PREFIX = "suggest_tag_prefix";

  static final String TITLE_PREFIX = "title_";
  /**
   * Stored only: a title made from the start of the body ({@code Article.titleDerived}) is kept
   * here for display and its language's title field stays empty, so edismax does not weigh it as a
   * headline. Its name matches {@code title_*}, so every field list that fetches the title fetches it.
   */
  static final String TITLE_DERIVED = "title_derived";
  static final String BODY_PREFIX = "body_";

  /** The title field of a language: {@code title_en}; languages without a chain share the fallback type. */
  static String title(String language) {
    return TITLE_PREFIX + suffix(language);
  }

  static String body(String language) {
    return BODY_PREFIX + suffix(language);
  }

  /** A language code as a field-name suffix: lowercase letters and digits, anything else '_'. */
  static String suffix(String language) {
    String l = language == null || language.isBlank() ? "und" : language.toLowerCase(Locale.ROOT);
    return l.replaceAll("[^a-z0-9]", "_");
  }
}

package io.newssearch.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names exporters give an article's fields, for every reader that finds fields by name (JSON
 * Lines, CSV headers, the header of a hand-written article). A name matches whatever its case and
 * its separators: {@code published_at}, {@code publishedAt} and {@code Published-At} are one name.
 * Where a record has several names of one field, the first in the field's list wins.
 */
enum ArticleFields {
  ID("id", "guid", "uuid", "docid", "articleid"),
  URL("url", "link", "uri", "canonicalurl", "permalink"),
  TITLE("title", "headline", "heading"),
  BODY("body", "text", "content", "maintext", "articlebody", "fulltext", "articletext"),
  /** A summary, read as the body when a record has none (a feed item with its description only). */
  SUMMARY("description", "summary", "abstract", "lede", "teaser"),
  PUBLISHED("published", "date", "publishedat", "pubdate", "datepublished", "datepublish", "publishdate",
      "publisheddate", "publicationdate"),
  LANGUAGE("language", "lang", "languagecode", "inlanguage"),
  TAGS("tags", "keywords", "categories", "category", "topics", "subjects", "label", "labels"),
  SOURCE("source", "publisher", "site", "sitename", "sourcename", "sourcedomain", "outlet"),
  AUTHOR("author", "byline", "authors", "creator", "writer");

  private final List<String> names;

  ArticleFields(String... names) {
    this.names = List.of(names);
  }

  /** The field a name stands for, or null. */
  static ArticleFields of(String name) {
    return BY_NAME.get(normalise(name));
  }

  /** The name as compared: lower case, without {@code _ - . space}. */
  static String normalise(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '_' && c != '-' && c != '.' && c != ' ') {
        b.append(c);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * Where each field is found among a record's names (a header, an object's keys): the position of
   * its first name present, by the field's order of names. Names of no field are left out.
   */
  static Map<ArticleFields, Integer> find(List<String> recordNames) {
    Map<ArticleFields, Integer> rank = new LinkedHashMap<>();
    Map<ArticleFields, Integer> at = new LinkedHashMap<>();
    for (int i = 0; i < recordNames.size(); i++) {
      String n = normalise(recordNames.get(i).strip());
      ArticleFields f = BY_NAME.get(n);
      if (f == null) {
        continue;
      }
      int r = f.names.indexOf(n);
      if (!rank.containsKey(f) || r < rank.get(f)) {
        rank.put(f, r);
        at.put(f, i);
      }
    }
    return at;
  }

  private static final Map<String, ArticleFields> BY_NAME = new LinkedHashMap<>();

  static {
    for (ArticleFields f : values()) {
      for (String n : f.names) {
        if (BY_NAME.put(n, f) != null) {
          throw new IllegalStateException("two fields named " + n);
        }
      }
    }
  }
}

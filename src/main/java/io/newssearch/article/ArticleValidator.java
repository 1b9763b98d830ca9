package io.newssearch.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks that an article can be indexed. Returns the problems rather than throwing, so ingest can
 * report every reason a record was rejected with its file and line.
 */
public final class ArticleValidator {

  /** Longest title we accept; anything longer is almost certainly a parsing mistake. */
  public static final int MAX_TITLE_CHARS = 1_000;
  /** Largest body we index (about 2 MB of text); bigger records are rejected, not truncated. */
  public static final int MAX_BODY_CHARS = 2_000_000;
  /**
   * Longest id, tag and source: each is indexed as one exact term, which Lucene caps at 32,766
   * bytes (a longer one failed the write as an internal error); far below that, such a value is a
   * parsing mistake (a whole text in the tags column), not a name.
   */
  public static final int MAX_ID_CHARS = 2_048;
  public static final int MAX_TAG_CHARS = 512;
  public static final int MAX_SOURCE_CHARS = 512;
  /** Dates outside years 1–9999 are parsing mistakes, and feeds and ISO dates cannot write them. */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  private ArticleValidator() {}

  public static List<String> problems(Article a) {
    List<String> problems = new ArrayList<>();
    if (blank(a.title()) && blank(a.body())) {
      problems.add("article has neither title nor body");
    }
    if (a.title() != null && a.title().length() > MAX_TITLE_CHARS) {
      problems.add("title longer than " + MAX_TITLE_CHARS + " characters");
    }
    if (a.body() != null && a.body().length() > MAX_BODY_CHARS) {
      problems.add("body longer than " + MAX_BODY_CHARS + " characters");
    }
    if (a.id() != null && a.id().length() > MAX_ID_CHARS) {
      problems.add("id longer than " + MAX_ID_CHARS + " characters");
    }
    if (a.tags().stream().anyMatch(t -> t.length() > MAX_TAG_CHARS)) {
      problems.add("a tag longer than " + MAX_TAG_CHARS + " characters");
    }
    if (a.source() != null && a.source().length() > MAX_SOURCE_CHARS) {
      problems.add("source longer than " + MAX_SOURCE_CHARS + " characters");
    }
    if (a.published() != null && (a.published().isBefore(EARLIEST) || a.published().isAfter(LATEST))) {
      problems.add("publication date " + a.published() + " is outside the years 1 to 9999");
    }
    if (a.language() != null && !LANGUAGE_CODE.matcher(a.language()).matches()) {
      problems.add("language '" + a.language() + "' is not an ISO 639 code");
    }
    return problems;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

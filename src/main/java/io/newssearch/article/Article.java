package io.newssearch.article;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One news article as newssearch understands it, independent of any file format or index.
 *
 * <p>Parsers produce it, the indexer turns it into a Lucene document, the search API returns it.
 * Optional parts are {@code null} (or an empty tag list) until {@code ingest.ArticleEnricher} fills what
 * can be derived: id, language, tags.
 *
 * @param id stable identifier; reindexing the same article updates it instead of duplicating it
 * @param url where the article was published, may be null
 * @param title headline, never blank once validated
 * @param body the story text, paragraphs separated by blank lines
 * @param published publication instant in UTC, may be null when the input has no date
 * @param language ISO 639-1 code ("en", "ru", ...), or "und" when unknown
 * @param tags topics, named things and key phrases, in input order, without duplicates
 * @param source publisher name ("Somali Magazine"), may be null
 * @param author byline, may be null
 * @param titleDerived true when the input had no headline and its reader made the title from the
 *     start of the body (TIME, 10kGNAD, speeches in Europarl): it repeats words the body has, so
 *     search does not weigh it as a headline
 */
public record Article(
    String id,
    String url,
    String title,
    String body,
    Instant published,
    String language,
    List<String> tags,
    String source,
    String author,
    @JsonProperty("title_derived") boolean titleDerived) {

  /** Language code used when neither the input nor detection gives one. */
  public static final String UNDETERMINED = "und";

  public Article {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** An article whose title, if any, is a real headline. */
  public Article(String id, String url, String title, String body, Instant published, String language,
      List<String> tags, String source, String author) {
    this(id, url, title, body, published, language, tags, source, author, false);
  }

  /**
   * The headline (unless derived from the body) and the body's first {@code chars} characters, cut
   * at the next space: where a news story says what it is about.
   */
  public String opening(int chars) {
    String text = body == null ? "" : body;
    if (text.length() > chars) {
      int space = text.indexOf(' ', chars);
      text = text.substring(0, space < 0 ? text.length() : space);
    }
    return titleDerived || title == null || title.isBlank() ? text : title + "\n" + text;
  }

  public Article withId(String newId) {
    return new Article(newId, url, title, body, published, language, tags, source, author, titleDerived);
  }

  public Article withLanguage(String newLanguage) {
    return new Article(id, url, title, body, published, newLanguage, tags, source, author, titleDerived);
  }

  public Article withTags(List<String> newTags) {
    return new Article(id, url, title, body, published, language, newTags, source, author, titleDerived);
  }

  /** A builder, because parsers fill fields one at a time as they find them. */
  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private String id, url, title, body, language, source, author;
    private Instant published;
    private List<String> tags = List.of();
    private boolean titleDerived;

    public Builder id(String v) { this.id = v; return this; }
    public Builder url(String v) { this.url = v; return this; }
    public Builder title(String v) { this.title = v; return this; }
    public Builder body(String v) { this.body = v; return this; }
    public Builder published(Instant v) { this.published = v; return this; }
    public Builder language(String v) { this.language = v; return this; }
    public Builder tags(List<String> v) { this.tags = Objects.requireNonNullElse(v, List.of()); return this; }
    public Builder source(String v) { this.source = v; return this; }
    public Builder author(String v) { this.author = v; return this; }
    /** The title was made from the start of the body, not given as a headline. */
    public Builder titleDerived(boolean v) { this.titleDerived = v; return this; }

    public Article build() {
      return new Article(id, url, title, body, published, language, tags, source, author, titleDerived);
    }
  }
}

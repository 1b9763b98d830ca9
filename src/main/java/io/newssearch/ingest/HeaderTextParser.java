package io.newssearch.ingest;

import io.newssearch.article.LanguageCodes;
import io.newssearch.article.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A text or markdown story with an optional front-matter header:
 *
 * <pre>
 * ---
 * title: Harbour reopens after storm
 * date: 2025-07-25
 * tags: [weather, ports]
 * ---
 * # Harbour reopens after storm
 *
 * First paragraph...
 * </pre>
 *
 * Header keys: title, date (or published), language/lang, tags (or keywords), source, url, author,
 * id, and the other names JSON Lines accepts ({@link ArticleFields}); unknown keys are ignored. Without a title the story's first line (or "# heading") is the
 * title. Soft-wrapped lines are joined; paragraphs stay separated by a blank line. A header that is
 * never closed or has an unreadable date rejects the file (its one record).
 */
final class HeaderTextParser implements ArticleParser {

  static final String FENCE = "---";
  /** A markdown ATX heading marker; "#hashtag" without a space is text, not a heading. */
  private static final Pattern HEADING = Pattern.compile("^#{1,6}(?:\\s+|$)");

  @Override
  public void parse(Path file, RecordSink sink) throws IOException {
    List<String> lines = TextFiles.read(file).lines().toList();
    try {
      article(lines).ifPresentOrElse(a -> sink.accept(a, 1), () -> sink.reject(1, "file has no text"));
    } catch (BadRecordException e) {
      sink.reject(1, e.getMessage());
    }
  }

  static Optional<Article> article(List<String> lines) throws BadRecordException {
    Article.Builder b = Article.builder();
    int start = firstNonBlank(lines, 0);
    if (start < 0) return Optional.empty();
    String title = null;
    if (lines.get(start).strip().equals(FENCE)) {
      int end = start + 1;
      while (end < lines.size() && !lines.get(end).strip().equals(FENCE)) end++;
      if (end == lines.size()) {
        throw new BadRecordException("header opened by '---' on line " + (start + 1) + " is never closed");
      }
      title = header(lines.subList(start + 1, end), start + 2, b);
      start = end + 1;
    }
    int storyStart = firstNonBlank(lines, start);
    if (title == null && storyStart >= 0) {
      // The first line, not paragraph: "Headline\nFirst sentence..." has the headline on its own line.
      title = HEADING.matcher(lines.get(storyStart).strip()).replaceFirst("").replaceFirst("\\s+#+$", "");
      start = storyStart + 1;
    }
    List<String> paragraphs = paragraphs(lines.subList(Math.min(start, lines.size()), lines.size()));
    if (!paragraphs.isEmpty() && paragraphs.getFirst().equalsIgnoreCase(title)) {
      paragraphs.removeFirst(); // the "# Title" line repeating the header's title
    }
    if ((title == null || title.isBlank()) && paragraphs.isEmpty()) return Optional.empty();
    return Optional.of(b.title(title).body(String.join("\n\n", paragraphs)).build());
  }

  /** Reads the header into {@code b}; returns the title, or null when the header has none. */
  private static String header(List<String> lines, int firstLineNo, Article.Builder b)
      throws BadRecordException {
    String title = null;
    List<String> listTags = new ArrayList<>(); // YAML block list under an empty "tags:" key
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int lineNo = firstLineNo + i;
      int colon = line.indexOf(':');
      if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
      if (line.strip().startsWith("- ")) {
        listTags.add(Tags.unquote(line.strip().substring(2).strip()));
        continue;
      }
      if (colon <= 0) {
        throw new BadRecordException("header line " + lineNo + " is not 'key: value': " + line.strip());
      }
      ArticleFields key = ArticleFields.of(line.substring(0, colon).strip());
      String value = Tags.unquote(line.substring(colon + 1).strip());
      if (value.isEmpty() || key == null) continue; // other front-matter (layout, draft...) means nothing to search
      switch (key) {
        case TITLE -> title = value;
        case PUBLISHED -> b.published(DateParser.parseField(value).orElseThrow(() ->
            new BadRecordException("unparseable date '" + value + "' on line " + lineNo)));
        case LANGUAGE -> b.language(LanguageCodes.normalise(value));
        case TAGS -> b.tags(Tags.split(value));
        case SOURCE -> b.source(value);
        case URL -> b.url(value);
        case AUTHOR -> b.author(value);
        case ID -> b.id(value);
        case BODY, SUMMARY -> { } // the text is what follows the header
      }
    }
    if (!listTags.isEmpty()) b.tags(Tags.dedupe(listTags));
    return title;
  }

  /** Blank-line separated paragraphs, soft-wrapped lines joined, "#" heading markers removed. */
  static List<String> paragraphs(List<String> lines) {
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : lines) {
      String line = raw.strip();
      boolean heading = HEADING.matcher(line).lookingAt();
      if (heading) line = HEADING.matcher(line).replaceFirst("").replaceFirst("\\s+#+$", "");
      if (line.isEmpty() || heading) {
        flush(current, paragraphs);
        if (heading && !line.isEmpty()) paragraphs.add(line); // a heading is a paragraph of its own
        continue;
      }
      if (!current.isEmpty()) current.append(' ');
      current.append(line);
    }
    flush(current, paragraphs);
    return paragraphs;
  }

  private static void flush(StringBuilder current, List<String> paragraphs) {
    if (!current.isEmpty()) paragraphs.add(current.toString());
    current.setLength(0);
  }

  private static int firstNonBlank(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) return i;
    }
    return -1;
  }
}

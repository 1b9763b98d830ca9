package io.newssearch.ingest;

import io.newssearch.article.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text copied from a news web page: navigation words, a date line, the headline, share buttons, the
 * site's name, the story, captions repeating the headline, more share buttons. No markup tells them
 * apart, so lines are classified by shape:
 *
 * <ul>
 *   <li>boilerplate: short lines of nav/share words ({@link Boilerplate});
 *   <li>date line: a short line {@link DateParser} reads as a whole;
 *   <li>paragraph: a sentence-like line (8+ words ending in sentence punctuation, or 30+ words); the
 *       story runs from the first paragraph to the last one;
 *   <li>headline: before the story, the first title-like line (4–25 words, no final period),
 *       preferring one after the date line, avoiding lines shaped like "Site - Tagline";
 *   <li>site line: before the story, a short "Name - Tagline" or "Name | Tagline" line; the source is
 *       the name.
 * </ul>
 *
 * Inside the story, boilerplate and lines repeating the headline (image captions) are dropped. The
 * language is left for detection.
 */
final class RawTextParser implements ArticleParser {

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern SITE_LINE = Pattern.compile("(.+?)\\s+(?:-|–|—|\\||·|::)\\s+(.+)");
  private static final String SENTENCE_END = ".!?…:;\"'”»)";

  @Override
  public void parse(Path file, RecordSink sink) throws IOException {
    Optional<Article> article = article(TextFiles.read(file).lines().toList());
    if (article.isPresent()) {
      sink.accept(article.get(), 1);
    } else {
      sink.reject(1, "no story found: the file has no line shaped like a paragraph or headline");
    }
  }

  static Optional<Article> article(List<String> rawLines) {
    List<String> lines = rawLines.stream().map(RawTextParser::clean).toList();
    int first = -1, last = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (isParagraph(lines.get(i)) && !Boilerplate.isBoilerplate(lines.get(i))) {
        if (first < 0) first = i;
        last = i;
      }
    }
    int preambleEnd = first < 0 ? lines.size() : first;

    int dateLine = -1;
    Instant published = null;
    for (int i = 0; i < preambleEnd && published == null; i++) {
      Optional<Instant> d = DateParser.parseLine(lines.get(i));
      if (d.isPresent()) {
        dateLine = i;
        published = d.get();
      }
    }
    int headlineLine = headline(lines, dateLine, preambleEnd);
    String title = headlineLine < 0 ? null : lines.get(headlineLine);
    String source = source(lines, preambleEnd, headlineLine, dateLine);

    List<String> body = new ArrayList<>();
    if (first >= 0) {
      String titleKey = key(title);
      for (int i = first; i <= last; i++) {
        String line = lines.get(i);
        if (line.isEmpty() || Boilerplate.isBoilerplate(line) || key(line).equals(titleKey)) continue;
        body.add(line);
      }
    }
    if (title == null && body.isEmpty()) return Optional.empty();
    return Optional.of(Article.builder()
        .title(title)
        .body(String.join("\n\n", body))
        .published(published)
        .source(source)
        .build());
  }

  private static int headline(List<String> lines, int dateLine, int preambleEnd) {
    int fallback = -1;
    for (int i = 0; i < preambleEnd; i++) {
      String line = lines.get(i);
      if (i == dateLine || !isTitleLike(line) || Boilerplate.isBoilerplate(line)) continue;
      if (SITE_LINE.matcher(line).matches() && isSiteLine(line)) {
        continue; // "Somali Magazine - People's Magazine" is the masthead, not the story's headline
      }
      if (i > dateLine) return i;
      if (fallback < 0) fallback = i;
    }
    return fallback;
  }

  private static String source(List<String> lines, int preambleEnd, int headline, int dateLine) {
    for (int i = 0; i < preambleEnd; i++) {
      if (i == headline || i == dateLine) continue;
      String line = lines.get(i);
      if (isSiteLine(line) && !Boilerplate.isBoilerplate(line)) {
        Matcher m = SITE_LINE.matcher(line);
        m.matches();
        return m.group(1).strip();
      }
    }
    return null;
  }

  /** "Name - Tagline": both sides short, neither a sentence. */
  private static boolean isSiteLine(String line) {
    Matcher m = SITE_LINE.matcher(line);
    return m.matches() && words(m.group(1)) <= 5 && words(m.group(2)) <= 6
        && !endsSentence(line) && DateParser.parseLine(line).isEmpty();
  }

  static boolean isParagraph(String line) {
    int n = words(line);
    return n >= 30 || (n >= 8 && endsSentence(line));
  }

  static boolean isTitleLike(String line) {
    int n = words(line);
    return n >= 4 && n <= 25 && !line.endsWith(".") && !line.endsWith(":");
  }

  private static boolean endsSentence(String line) {
    return !line.isEmpty() && SENTENCE_END.indexOf(line.charAt(line.length() - 1)) >= 0;
  }

  private static int words(String line) {
    String s = line.strip();
    return s.isEmpty() ? 0 : SPACES.split(s).length;
  }

  /** Strips the line, including non-breaking and zero-width spaces scrapers leave behind. */
  private static String clean(String line) {
    return SPACES.matcher(line.replace('\u00A0', ' ').replace("\u200B", "").strip()).replaceAll(" ");
  }

  /** Compares lines for "same headline": case, punctuation and spacing don't matter. */
  private static String key(String line) {
    return line == null ? "\u0000" : Boilerplate.normalise(line.toLowerCase(Locale.ROOT));
  }
}

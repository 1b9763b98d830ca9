package io.newssearch.ingest;

import io.newssearch.article.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TIME magazine 1963 test collection ({@code TIME.ALL}): records opened by
 * {@code *TEXT 017 01/04/63 PAGE 020}, the body running to the next {@code *TEXT} or {@code *STOP}.
 * The id is {@code time-<n>} with the TEXT number as an integer ({@code *TEXT 017} is
 * {@code time-17}), as the collection's qrels name documents. Date 19YY-MM-DD (UTC midnight), source
 * "TIME", language "en"; the title is the first sentence cut to {@value #TITLE_WORDS} words, as the
 * collection has none, and marked {@link Article#titleDerived() derived}. A {@code *TEXT} line that does not parse is rejected with its line number
 * and its body skipped.
 */
final class TimeParser implements ArticleParser {

  static final String MARKER = "*TEXT";
  static final int TITLE_WORDS = 15;
  /** One header has "08/30 63": the year's slash is optional. */
  private static final Pattern HEADER =
      Pattern.compile("^\\*TEXT\\s+(\\d+)\\s+(\\d{1,2})/(\\d{1,2})[/ ](\\d{2})\\s+PAGE\\s+(\\d+)\\s*$");

  @Override
  public void parse(Path file, RecordSink sink) throws IOException {
    try (BufferedReader reader = TextFiles.open(file)) {
      Record current = null;
      int lineNo = 0;
      for (String line; (line = reader.readLine()) != null; ) {
        lineNo++;
        boolean text = line.startsWith(MARKER), stop = line.startsWith("*STOP");
        if (text || stop) {
          if (current != null) current.emit(sink);
          current = null;
          if (stop) break;
          Matcher m = HEADER.matcher(line);
          try {
            if (!m.matches()) throw new DateTimeException("no match");
            current = new Record(m, lineNo);
          } catch (DateTimeException e) {
            sink.reject(lineNo, "not a '*TEXT nnn MM/DD/YY PAGE nnn' line: " + line.strip());
          }
        } else if (current != null && !line.isBlank()) {
          current.body.append(current.body.isEmpty() ? "" : " ").append(line.strip());
        }
      }
      if (current != null) current.emit(sink);
    }
  }

  private static final class Record {
    final String id;
    final LocalDate date;
    final int line;
    final StringBuilder body = new StringBuilder();

    Record(Matcher header, int line) {
      // the number as written without its leading zeros ("017" is 17): any length, it is a name
      this.id = "time-" + header.group(1).replaceFirst("^0+(?=\\d)", "");
      this.date = LocalDate.of(1900 + Integer.parseInt(header.group(4)),
          Integer.parseInt(header.group(2)), Integer.parseInt(header.group(3)));
      this.line = line;
    }

    void emit(RecordSink sink) {
      String text = body.toString();
      sink.accept(Article.builder()
          .id(id)
          .title(Sentences.firstSentence(text, TITLE_WORDS))
          .titleDerived(true)
          .body(text)
          .published(date.atStartOfDay().toInstant(ZoneOffset.UTC))
          .language("en")
          .source("TIME")
          .build(), line);
    }
  }
}

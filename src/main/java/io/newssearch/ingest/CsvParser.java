package io.newssearch.ingest;

import io.newssearch.article.LanguageCodes;
import io.newssearch.article.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A CSV file with a header row naming its columns, as datasets export them (the multilingual
 * en/ar/ku news {@code Dataset.csv}: {@code id,title,content,link,...,language,source,category}).
 * Columns are found by name, by the names JSON Lines accepts ({@link ArticleFields}); other
 * columns ({@code created_at} is when a crawler saw the page, not when it was published) are ignored. The separator ({@code ,} {@code ;} or
 * TAB) is sniffed from the header; quotes are {@code "}, and quoted fields may span lines. The id
 * is {@code <file stem>-<id column>} so two datasets numbering rows from 1 do not collide. A row
 * with an unreadable date is rejected with the line it starts on.
 */
final class CsvParser implements ArticleParser {

  @Override
  public void parse(Path file, RecordSink sink) throws IOException {
    String stem = TextFiles.stem(file);
    char separator = separator(TextFiles.head(file));
    Columns[] columns = {null};
    CsvRows.read(file, separator, '"', (cells, line) -> {
      if (columns[0] == null) {
        columns[0] = new Columns(cells);
        return;
      }
      try {
        sink.accept(columns[0].article(cells, stem), line);
      } catch (BadRecordException e) {
        sink.reject(line, e.getMessage());
      }
    }, sink);
  }

  /** The separator of a header line: whichever of , ; TAB it has most of. */
  static char separator(String header) {
    char best = ',';
    long bestCount = 0;
    for (char c : new char[] {',', ';', '\t'}) {
      long count = header.chars().filter(ch -> ch == c).count();
      if (count > bestCount) {
        best = c;
        bestCount = count;
      }
    }
    return best;
  }

  /** Whether a first line is a header this parser can use: it names a title or text column. */
  static boolean isHeader(String firstLine) {
    for (String cell : firstLine.split("[,;\\t]")) {
      ArticleFields f = ArticleFields.of(Tags.unquote(cell.strip()));
      if (f == ArticleFields.TITLE || f == ArticleFields.BODY || f == ArticleFields.SUMMARY) return true;
    }
    return false;
  }

  /** Where each article field sits in the rows, from the header. */
  private record Columns(int id, int title, int body, int summary, int url, int language, int source, int tags,
      int date, int author) {

    Columns(String[] h) {
      this(ArticleFields.find(List.of(h)));
    }

    private Columns(Map<ArticleFields, Integer> at) {
      this(at.getOrDefault(ArticleFields.ID, -1), at.getOrDefault(ArticleFields.TITLE, -1),
          at.getOrDefault(ArticleFields.BODY, -1), at.getOrDefault(ArticleFields.SUMMARY, -1),
          at.getOrDefault(ArticleFields.URL, -1), at.getOrDefault(ArticleFields.LANGUAGE, -1),
          at.getOrDefault(ArticleFields.SOURCE, -1), at.getOrDefault(ArticleFields.TAGS, -1),
          at.getOrDefault(ArticleFields.PUBLISHED, -1), at.getOrDefault(ArticleFields.AUTHOR, -1));
    }

    Article article(String[] row, String stem) throws BadRecordException {
      String idValue = CsvRows.cell(row, id);
      String dateValue = CsvRows.cell(row, date);
      return Article.builder()
          .id(idValue == null ? null : stem + "-" + idValue)
          .title(CsvRows.cell(row, title))
          .body(body >= 0 ? CsvRows.cell(row, body) : CsvRows.cell(row, summary))
          .url(CsvRows.cell(row, url))
          .language(LanguageCodes.normalise(CsvRows.cell(row, language)))
          .source(CsvRows.cell(row, source))
          .tags(Tags.split(CsvRows.cell(row, tags)))
          .published(dateValue == null ? null : DateParser.parseField(dateValue).orElseThrow(() ->
              new BadRecordException("unparseable date '" + dateValue + "'")))
          .author(CsvRows.cell(row, author))
          .build();
    }
  }
}

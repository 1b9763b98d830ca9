package io.newssearch.ingest;

import io.newssearch.article.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The 10k German News Articles Dataset (10kGNAD, {@code train.csv}/{@code test.csv}): no header,
 * one article per row {@code label;'text'}, separated by {@code ;}, quoted with {@code '} (doubled
 * inside the text). The text starts with the article's teaser, so the title is its first sentence,
 * cut to {@value #TITLE_WORDS} words. Label becomes the tag, language "de", id
 * {@code gnad-<file stem>-<line>}. A row without both columns is rejected with its line.
 */
final class GnadCsvParser implements ArticleParser {

  static final int TITLE_WORDS = 12;
  /** A row start: a one-word label, ';', then the quoted text. */
  private static final Pattern ROW = Pattern.compile("^[\\p{L}-]+;'");

  @Override
  public void parse(Path file, RecordSink sink) throws IOException {
    String stem = TextFiles.stem(file);
    CsvRows.read(file, ';', '\'', (cells, line) -> {
      String label = CsvRows.cell(cells, 0), text = CsvRows.cell(cells, 1);
      if (cells.length != 2 || label == null || text == null) {
        sink.reject(line, "expected label;'text', found " + cells.length + " column(s)");
        return;
      }
      sink.accept(Article.builder()
          .id("gnad-" + stem + "-" + line)
          .title(Sentences.firstSentence(text, TITLE_WORDS))
          .titleDerived(true)
          .body(text)
          .language("de")
          .tags(List.of(label))
          .build(), line);
    }, sink);
  }

  static boolean isRow(String firstLine) {
    return ROW.matcher(firstLine).find();
  }
}

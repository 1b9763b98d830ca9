package io.newssearch.ingest;

import io.newssearch.article.LanguageCodes;
import io.newssearch.article.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * MasakhaNEWS TSV ({@code data/<lang>/{train,dev,test}.tsv}): a header {@code category headline
 * text url}, then one article per row; a quoted text may span lines. The folder names the language
 * in ISO 639-3 ({@code eng}, {@code hau}), mapped to ISO 639-1 where one exists, else kept
 * ({@code pcm}). Category becomes the tag, source is "MasakhaNEWS", id
 * {@code masakhanews-<lang>-<split>-<row>}. A row with a wrong number of columns is rejected with
 * the line it starts on.
 */
final class MasakhaNewsParser implements ArticleParser {

  static final List<String> HEADER = List.of("category", "headline", "text", "url");

  @Override
  public void parse(Path file, RecordSink sink) throws IOException {
    String folder = file.toAbsolutePath().getParent().getFileName().toString().toLowerCase(Locale.ROOT);
    String language = language(folder);
    String split = TextFiles.stem(file);
    int[] row = {0};
    CsvRows.read(file, '\t', '"', (cells, line) -> {
      if (row[0]++ == 0) return; // the header, checked by detection
      if (cells.length != HEADER.size()) {
        sink.reject(line, "expected 4 tab-separated columns (category, headline, text, url), found " + cells.length);
        return;
      }
      String category = CsvRows.cell(cells, 0);
      sink.accept(Article.builder()
          .id("masakhanews-" + folder + "-" + split + "-" + (row[0] - 1))
          .title(CsvRows.cell(cells, 1))
          .body(CsvRows.cell(cells, 2))
          .url(CsvRows.cell(cells, 3))
          .language(language)
          .tags(category == null ? List.of() : List.of(category))
          .source("MasakhaNEWS")
          .build(), line);
    }, sink);
  }

  /** ISO 639-1 when the JDK knows one for the folder's code, else the folder's 639-3 code itself. */
  static String language(String folder) {
    String code = LanguageCodes.normalise(folder);
    if (code != null) return code;
    return folder.matches("[a-z]{2,3}") ? folder : null;
  }

  /** Whether {@code headerLine} is exactly the MasakhaNEWS header. */
  static boolean isHeader(String headerLine) {
    return List.of(headerLine.strip().split("\t", -1)).equals(HEADER);
  }
}

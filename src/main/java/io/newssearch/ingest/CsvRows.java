package io.newssearch.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads delimited files (CSV, TSV, {@code ;}-separated) row by row with a real CSV parser, so
 * quoted fields may hold separators, doubled quotes and line breaks. Each row comes with the line it
 * starts on, for reject messages.
 */
final class CsvRows {

  private static final CsvMapper CSV = new CsvMapper();

  /** What to do with one row. */
  interface RowHandler {
    void row(String[] cells, int line);
  }

  private CsvRows() {}

  /**
   * Calls {@code handler} for every row, the header included. A row the CSV parser cannot read (an
   * unclosed quote swallows the rest of the file) is rejected with its line and ends the file,
   * since nothing after it can be trusted to start a row.
   */
  static void read(Path file, char separator, char quote, RowHandler handler, RecordSink sink)
      throws IOException {
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withQuoteChar(quote);
    try (BufferedReader reader = TextFiles.open(file);
        CsvParser parser = (CsvParser) CSV.getFactory().createParser(reader)) {
      parser.setSchema(schema);
      List<String> cells = new ArrayList<>();
      int line = 1, next = 1; // next: where the row after the last complete one starts
      try {
        for (JsonToken t; (t = parser.nextToken()) != null; ) {
          if (t == JsonToken.START_ARRAY) {
            cells.clear();
            line = -1;
          } else if (t == JsonToken.END_ARRAY) {
            handler.row(cells.toArray(String[]::new), line);
            next = parser.currentLocation().getLineNr();
          } else {
            // A row's line is its first cell's: the array's own token sits where the last row ended.
            if (line < 0) line = parser.currentTokenLocation().getLineNr();
            cells.add(parser.getText());
          }
        }
      } catch (JacksonException e) {
        int at = e.getLocation() == null ? next : e.getLocation().getLineNr();
        sink.reject(line > 0 ? line : next, "unreadable " + (separator == '\t' ? "TSV" : "CSV") + " row (error on line "
            + at + "): " + e.getOriginalMessage());
      }
    }
  }

  /** The column of {@code header} named by the first of {@code names} present, or -1. */
  static int column(String[] header, String... names) {
    for (String name : names) {
      for (int i = 0; i < header.length; i++) {
        if (header[i].strip().equalsIgnoreCase(name)) return i;
      }
    }
    return -1;
  }

  /** The cell at {@code col}, stripped; null when the column is absent, the row short or the cell empty. */
  static String cell(String[] row, int col) {
    if (col < 0 || col >= row.length) return null;
    String v = row[col].strip();
    return v.isEmpty() ? null : v;
  }
}

package io.newssearch.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads delimited files (CSV, TSV, {@code ;}-separated) row by row with a real CSV parser, so
 * quoted fields may hold separators, doubled quotes and line breaks. Each row comes with the line it
 * starts on, for reject messages.
 */
final class CsvRows {

  private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

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
        MappingIterator<String[]> rows = CSV.readerFor(String[].class).with(schema).readValues(reader)) {
      int line = 1;
      try {
        while (rows.hasNextValue()) {
          line = (int) rows.getParser().currentTokenLocation().getLineNr();
          handler.row(rows.nextValue(), line);
        }
      } catch (JacksonException e) {
        sink.reject(line, "unreadable " + (separator == '\t' ? "TSV" : "CSV") + " row: " + e.getOriginalMessage());
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

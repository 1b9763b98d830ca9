package io.newssearch.cli;

import io.newssearch.index.IndexSummary;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints an indexing run's summary as a small table, then the problems found: one line per file
 * with rejected records (how many, and the first few with their lines), so a file that is wrong
 * throughout costs one line, not one per record.
 */
final class SummaryPrinter {

  /** Files with rejections listed one by one; the rest are counted. */
  private static final int MAX_FILES = 20;
  /** Rejections quoted on a file's line. */
  private static final int FIRST_ERRORS = 3;

  private SummaryPrinter() {}

  static void print(IndexSummary s, PrintStream out) {
    out.printf("files      %,10d  (%.1f MB)%n", s.files(), s.inputBytes() / 1e6);
    out.printf("indexed    %,10d  new articles%n", s.indexed());
    out.printf("updated    %,10d  articles already in the index%n", s.updated());
    out.printf("rejected   %,10d  records%n", s.rejected());
    out.printf("took       %10.1f s  (%,.0f articles/s)%n", s.took().toMillis() / 1000.0, s.articlesPerSecond());
    Map<Path, Long> perFile = new TreeMap<>(s.rejectedPerFile());
    Map<Path, List<IndexSummary.Rejection>> first = firstRejections(s);
    int listed = 0;
    for (Map.Entry<Path, Long> e : perFile.entrySet()) {
      if (listed++ == MAX_FILES) {
        out.printf("... and %d more files with rejected records%n", perFile.size() - MAX_FILES);
        break;
      }
      out.println(fileLine(e.getKey(), e.getValue(), first.getOrDefault(e.getKey(), List.of())));
    }
    for (Path p : s.failedFiles()) {
      out.println("unreadable file: " + p);
    }
    for (Path p : s.binaryFiles()) {
      out.println("skipped (binary data, not text): " + p);
    }
    for (Path p : s.unknownFiles()) {
      // Unknown formats, and documentation beside a collection file (see CorpusWalker).
      out.println("skipped (not an article file): " + p);
    }
  }

  /** {@code rejected 30 records in feed.jsonl: line 1: ...; line 2: ...; line 3: ... (and 27 more)} */
  static String fileLine(Path file, long count, List<IndexSummary.Rejection> first) {
    StringBuilder b = new StringBuilder("rejected ").append(count).append(count == 1 ? " record" : " records")
        .append(" in ").append(file).append(": ");
    for (int i = 0; i < first.size(); i++) {
      b.append(i == 0 ? "" : "; ").append("line ").append(first.get(i).line()).append(": ").append(first.get(i).reason());
    }
    if (count > first.size()) {
      b.append(first.isEmpty() ? "" : " ").append("(and ").append(count - first.size()).append(" more)");
    }
    return b.toString();
  }

  /** The first few rejections of each file, by line (workers report them out of order). */
  private static Map<Path, List<IndexSummary.Rejection>> firstRejections(IndexSummary s) {
    Map<Path, List<IndexSummary.Rejection>> byFile = new LinkedHashMap<>();
    for (IndexSummary.Rejection r : s.rejections()) {
      byFile.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r);
    }
    byFile.replaceAll((file, list) -> list.stream()
        .sorted(java.util.Comparator.comparingInt(IndexSummary.Rejection::line)).limit(FIRST_ERRORS).toList());
    return byFile;
  }
}

package io.newssearch.cli;

import io.newssearch.index.IndexSummary;
import java.io.PrintStream;
import java.nio.file.Path;

/** Prints an indexing run's summary as a small table, then the problems found. */
final class SummaryPrinter {

  private static final int MAX_LISTED = 20;

  private SummaryPrinter() {}

  static void print(IndexSummary s, PrintStream out) {
    out.printf("files      %,10d  (%.1f MB)%n", s.files(), s.inputBytes() / 1e6);
    out.printf("indexed    %,10d  new articles%n", s.indexed());
    out.printf("updated    %,10d  articles already in the index%n", s.updated());
    out.printf("rejected   %,10d  records%n", s.rejected());
    out.printf("took       %10.1f s  (%,.0f articles/s)%n", s.took().toMillis() / 1000.0, s.articlesPerSecond());
    int listed = 0;
    for (IndexSummary.Rejection r : s.rejections()) {
      if (listed++ == MAX_LISTED) {
        out.printf("... and %d more rejected records (see the log)%n", s.rejected() - MAX_LISTED);
        break;
      }
      out.println("rejected: " + r);
    }
    for (Path p : s.failedFiles()) {
      out.println("unreadable file: " + p);
    }
    for (Path p : s.unknownFiles()) {
      // Unknown formats, and documentation beside a collection file (see CorpusWalker).
      out.println("skipped (not an article file): " + p);
    }
  }
}

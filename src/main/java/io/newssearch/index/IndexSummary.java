package io.newssearch.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one indexing run did. {@code indexed} counts articles new to the index, {@code updated}
 * articles whose id was already there (or appeared twice in the run), {@code rejected} records
 * skipped as unparseable or invalid; {@code failedFiles} files that could not be read at all.
 */
public record IndexSummary(
    int files,
    long indexed,
    long updated,
    long rejected,
    List<Rejection> rejections,
    List<Path> failedFiles,
    List<Path> unknownFiles,
    long inputBytes,
    Duration took,
    boolean committed) {

  /** One skipped record: where it is and why. */
  public record Rejection(Path file, int line, String reason) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + reason;
    }
  }

  public long articles() {
    return indexed + updated;
  }

  public double articlesPerSecond() {
    double s = took.toNanos() / 1e9;
    return s <= 0 ? 0 : articles() / s;
  }
}

package io.newssearch.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one indexing run did. {@code indexed} counts articles new to the index, {@code updated}
 * articles whose id was already there (or appeared twice in the run), {@code rejected} records
 * skipped as unparseable or invalid (counted per file in {@code rejectedPerFile}, the first
 * thousand kept in {@code rejections}); {@code failedFiles} files that could not be read at all,
 * {@code unknownFiles} files not read (no format of ours), {@code binaryFiles} files named like
 * one of our formats that hold binary data (skipped).
 */
public record IndexSummary(
    int files,
    long indexed,
    long updated,
    long rejected,
    List<Rejection> rejections,
    List<Path> failedFiles,
    List<Path> unknownFiles,
    List<Path> binaryFiles,
    Map<Path, Long> rejectedPerFile,
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

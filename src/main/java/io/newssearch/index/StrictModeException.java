package io.newssearch.index;

/**
 * A {@code --strict} run found rejected records or unreadable files, or a run rejected more records
 * than it was allowed ({@code --max-rejects}), and changed nothing.
 */
public final class StrictModeException extends Exception {

  private final IndexSummary summary;

  public StrictModeException(IndexSummary summary) {
    this(summary, "strict mode: " + summary.rejected() + " rejected records and "
        + summary.failedFiles().size() + " unreadable files; the index was left unchanged");
  }

  /** Any other limit on rejections that the run went over. */
  public StrictModeException(IndexSummary summary, String message) {
    super(message);
    this.summary = summary;
  }

  public IndexSummary summary() {
    return summary;
  }
}

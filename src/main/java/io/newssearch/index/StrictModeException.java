package io.newssearch.index;

/** A {@code --strict} run found rejected records or unreadable files, and changed nothing. */
public final class StrictModeException extends Exception {

  private final IndexSummary summary;

  public StrictModeException(IndexSummary summary) {
    super("strict mode: " + summary.rejected() + " rejected records and "
        + summary.failedFiles().size() + " unreadable files; the index was left unchanged");
    this.summary = summary;
  }

  public IndexSummary summary() {
    return summary;
  }
}

package io.newssearch.index;

/** Hooks for showing an indexing run's progress; the indexer itself prints nothing. */
public interface IndexProgress {

  IndexProgress NONE = new IndexProgress() {};

  /** Called once the corpus has been listed. */
  default void started(int files, long totalBytes) {}

  /** Called after each file has been parsed and its articles handed to the writer. */
  default void fileDone(long bytes, long articlesSoFar) {}

  default void finished() {}
}

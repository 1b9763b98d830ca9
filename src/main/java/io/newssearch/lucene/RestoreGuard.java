package io.newssearch.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The two rules a restore follows so that it loses nothing by accident.
 *
 * <ol>
 *   <li>It replaces a live index that holds articles only when told to ({@code --force}): a server
 *       may have accepted writes since the backup was taken, and a restore would discard them. An
 *       absent, empty or corrupt index is replaced without asking: that is what a restore is for.
 *   <li>It publishes only while no writer is open on the live generation (it takes the writer's
 *       lock for the instant of the switch): a write batch or an {@code index} run in progress
 *       finishes first, so none is committed into a generation that has just stopped being live.
 * </ol>
 */
final class RestoreGuard {

  /** How long a restore waits for a writer on the live generation to finish. */
  static final Duration WRITER_WAIT = Duration.ofSeconds(30);

  private RestoreGuard() {}

  /** Thrown when a restore would replace articles without --force. */
  static final class RestoreRefused extends IOException {
    RestoreRefused(String message) {
      super(message);
    }
  }

  static void check(IndexLayout layout, BackupManifest backup, boolean force) throws IOException {
    Optional<Path> live = layout.current();
    if (force || live.isEmpty() || IndexIntegrity.whenOpened(live.get()).isPresent()) {
      return;
    }
    long articles;
    try (Directory dir = FSDirectory.open(live.get()); DirectoryReader reader = DirectoryReader.open(dir)) {
      articles = reader.numDocs();
    }
    if (articles > 0) {
      throw new RestoreRefused(layout.root() + " holds a live index of " + articles + " articles ("
          + live.get().getFileName() + "); restoring replaces it with the backup's " + backup.documents()
          + " articles of " + backup.created() + ", and whatever was written since is lost. Pass --force to do "
          + "that (the replaced generation is kept as the previous one until the next rebuild or restore).");
    }
  }

  static void publishWhenNoWriter(IndexLayout layout, Path generation) throws IOException {
    Optional<Path> live = layout.current();
    if (live.isEmpty()) {
      layout.publish(generation);
      return;
    }
    long deadline = System.nanoTime() + WRITER_WAIT.toNanos();
    try (Directory dir = FSDirectory.open(live.get())) {
      while (true) {
        try (Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
          layout.publish(generation);
          return;
        } catch (LockObtainFailedException e) {
          if (System.nanoTime() > deadline) {
            throw new IOException("the index is being written (an 'index' run, or a server's write) for more than "
                + WRITER_WAIT.toSeconds() + " s; retry the restore when it is done", e);
          }
          sleep();
        }
      }
    }
  }

  private static void sleep() throws IOException {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for a writer to finish", e);
    }
  }
}

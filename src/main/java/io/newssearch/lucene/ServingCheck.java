package io.newssearch.lucene;

import io.newssearch.lucene.IndexIntegrity.Corruption;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code serve} checks of the index it is about to serve, and when.
 *
 * <p>Before starting, the cheap check ({@link IndexIntegrity#whenOpened}: commit point, segment
 * and field infos, every file's header and footer; milliseconds at any size): a generation that
 * fails it is replaced by the previous one if that one opens ({@link CorruptGenerations}), else the
 * server refuses to start, saying what is broken and what to do.
 *
 * <p>After starting, in a background thread, every byte's checksum of a pinned commit
 * ({@link IndexIntegrity#checksums}): seconds per gigabyte, too slow to make a restart wait for,
 * and it leaves the index in the page cache, which the first searches want anyway. A failure falls
 * back the same way (the server's refresh switches to the previous generation within half a
 * second), or, with nothing to fall back on, is reported by {@code /health} while the server keeps
 * answering what it can.
 */
public final class ServingCheck {

  private static final Logger log = LoggerFactory.getLogger(ServingCheck.class);

  /** Thrown when the server must not start: the message says what is broken and what to do. */
  public static final class CorruptIndexRefusal extends IOException {
    CorruptIndexRefusal(String message) {
      super(message);
    }
  }

  private ServingCheck() {}

  /** The cheap check of the live generation, falling back or refusing. */
  public static void beforeServing(IndexLayout layout) throws IOException {
    Optional<Path> live = layout.current();
    if (live.isEmpty()) {
      return; // nothing published yet: an empty index is created
    }
    long start = System.nanoTime();
    Optional<Corruption> found = IndexIntegrity.whenOpened(live.get());
    log.info("index generation {}: opened and checked in {} ms{}", live.get().getFileName(),
        (System.nanoTime() - start) / 1_000_000, found.map(c -> ": CORRUPT").orElse(""));
    if (found.isPresent() && !fallBack(layout, found.get())) {
      throw new CorruptIndexRefusal(CorruptGenerations.refusal(found.get()));
    }
  }

  /** Starts the checksum verification of the live generation in a low-priority daemon thread. */
  public static Thread verifyInBackground(IndexLayout layout) {
    Thread t = new Thread(() -> verify(layout), "index-checksums");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    return t;
  }

  /** Checksums of the live generation; after a fall-back, of the one now live, and so on. */
  static void verify(IndexLayout layout) {
    try {
      while (true) {
        long start = System.nanoTime();
        Optional<Corruption> found;
        Path generation;
        int files;
        try (CommitSnapshot snapshot = CommitSnapshot.pin(layout)) {
          generation = snapshot.generation();
          files = snapshot.files().size();
          found = IndexIntegrity.checksums(snapshot);
        }
        if (found.isEmpty()) {
          log.info("index generation {}: checksums of its {} files verified in {} ms", generation.getFileName(),
              files, (System.nanoTime() - start) / 1_000_000);
          return;
        }
        if (!fallBack(layout, found.get())) {
          CorruptGenerations.markLive(found.get());
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      log.warn("the index checksums could not be verified: {}", e.toString(), e);
    }
  }

  /** Falls back to the previous generation if it opens; false when there is none to fall back on. */
  private static boolean fallBack(IndexLayout layout, Corruption corruption) throws IOException {
    if (!layout.current().equals(Optional.of(corruption.generation()))) {
      return true; // a rebuild or restore replaced it meanwhile: check the one live now
    }
    Optional<Path> previous = layout.previous();
    if (previous.isEmpty()) {
      return false;
    }
    Optional<Corruption> previousToo = IndexIntegrity.whenOpened(previous.get());
    if (previousToo.isPresent()) {
      log.error("the previous index generation is corrupt too: {}", previousToo.get().describe());
      return false;
    }
    CorruptGenerations.fallBack(layout, corruption, previous.get());
    return true;
  }
}

package io.newssearch.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.tests.store.MockDirectoryWrapper;

/**
 * The directories an engine writes through, as a disk that fills up or fails: every directory the
 * engine opens for writing is Lucene's {@link MockDirectoryWrapper} over the real files, and the
 * test turns faults on and off for those open and those opened later.
 *
 * <p>A "full disk" is per generation directory: {@link #fill} leaves that many bytes beyond what it
 * holds now (an empty new generation gets exactly that many).
 */
final class FaultyDisk implements IndexLayout.Directories {

  private final Random random;
  private final List<Wrapper> opened = new CopyOnWriteArrayList<>();
  /** Bytes left in each directory; 0 for no limit. */
  private volatile long bytesLeft;
  private volatile double ioErrorRate;

  FaultyDisk(long seed) {
    this.random = new Random(seed);
  }

  @Override
  public synchronized Directory open(Path generation) throws IOException {
    Wrapper dir = new Wrapper(new Random(random.nextLong()), FSDirectory.open(generation));
    dir.setCheckIndexOnClose(false); // CheckIndex runs where the tests choose
    dir.setAllowRandomFileNotFoundException(false); // a missing file is corruption, not an I/O error
    dir.setUseSlowOpenClosers(false);
    dir.setThrottling(MockDirectoryWrapper.Throttling.NEVER);
    apply(dir);
    opened.add(dir);
    return dir;
  }

  /** From now on each directory can grow by {@code bytes} more (at least 1) and no further. */
  synchronized void fill(long bytes) throws IOException {
    bytesLeft = Math.max(1, bytes);
    for (Wrapper dir : opened) {
      apply(dir);
    }
  }

  /** Every first write to a new file fails with an IOException at this rate (0 to 1). */
  synchronized void failRandomly(double rate) throws IOException {
    ioErrorRate = rate;
    for (Wrapper dir : opened) {
      apply(dir);
    }
  }

  /** Space freed, I/O healthy again. */
  synchronized void heal() throws IOException {
    bytesLeft = 0;
    ioErrorRate = 0;
    for (Wrapper dir : opened) {
      apply(dir);
    }
  }

  /**
   * A power cut: every file not yet fsynced in a directory still open is lost or damaged (deleted,
   * truncated, zeroed, a bit flipped), and nothing more can be written through them.
   */
  synchronized void crash() throws IOException {
    for (Wrapper dir : opened) {
      if (!dir.released) {
        dir.crash();
      }
    }
  }

  private void apply(Wrapper dir) throws IOException {
    dir.setMaxSizeInBytes(bytesLeft == 0 ? 0 : dir.sizeInBytes() + bytesLeft);
    dir.setRandomIOExceptionRate(ioErrorRate);
  }

  /**
   * Closing lets go of the files without MockDirectoryWrapper's checks for files still open: the
   * server's search view keeps reading a writer's files after the writer has closed, as it may.
   */
  private static final class Wrapper extends MockDirectoryWrapper {
    volatile boolean released;

    Wrapper(Random random, Directory delegate) {
      super(random, delegate);
    }

    @Override
    public synchronized void close() {
      released = true;
    }
  }
}

package io.newssearch.index;

import java.util.List;
import java.util.Locale;

/**
 * Why writing an index failed, in the words an operator needs: the disk is full (free space and
 * try again), or another I/O error (a failing disk, permissions). Lucene passes the file system's
 * exception through, so the only sign of a full disk is its message: {@code No space left on
 * device} (ENOSPC) or {@code Disk quota exceeded} (EDQUOT) from the JDK, and {@code fake disk full}
 * from Lucene's {@code MockDirectoryWrapper}, with which the tests fill a disk.
 */
public final class WriteFailure {

  private static final List<String> DISK_FULL = List.of("no space left on device", "disk quota exceeded",
      "disk full");
  /** Causes followed at most: a cycle in a cause chain must not hang the error path. */
  private static final int MAX_DEPTH = 16;

  private WriteFailure() {}

  /** Whether {@code e}, or anything that caused it, says the disk is full. */
  public static boolean diskFull(Throwable e) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
      String message = t.getMessage();
      if (message != null) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (DISK_FULL.stream().anyMatch(lower::contains)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code the disk is full} or {@code an I/O error (IOException: ...)}: for logs and the command line. */
  public static String describe(Throwable e) {
    Throwable root = e;
    for (int depth = 0; root.getCause() != null && depth < MAX_DEPTH; depth++) {
      root = root.getCause();
    }
    String detail = root.getClass().getSimpleName() + ": " + root.getMessage();
    return diskFull(e) ? "the disk is full (" + detail + ")" : "an I/O error (" + detail + ")";
  }
}

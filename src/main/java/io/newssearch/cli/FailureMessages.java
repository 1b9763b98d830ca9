package io.newssearch.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A failed command's one line for a person: file-system errors said in words with the path
 * ("cannot write X: permission denied", "X is a file, not a folder") instead of the JDK's bare
 * path ("error: /srv/index"), which names the file but not what went wrong with it.
 */
final class FailureMessages {

  private FailureMessages() {}

  static String describe(Throwable e) {
    Throwable cause = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
    if (cause instanceof FileSystemException fs && fs.getFile() != null) {
      String words = fileSystem(fs);
      if (words != null) {
        return words;
      }
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  private static String fileSystem(FileSystemException e) {
    String file = e.getFile();
    String reason = e.getReason() == null ? "" : e.getReason().toLowerCase(Locale.ROOT);
    if (e instanceof AccessDeniedException || reason.contains("permission denied") || reason.contains("not permitted")) {
      return "cannot write " + file + ": permission denied";
    }
    if (reason.contains("read-only file system")) {
      return "cannot write " + file + ": the file system is read-only";
    }
    if (reason.contains("no space left")) {
      return "cannot write " + file + ": no space left on the device";
    }
    if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException || reason.contains("not a directory")) {
      Path p = firstFile(Path.of(file));
      if (p != null) {
        return p + " is a file, not a folder";
      }
    }
    if (e instanceof NoSuchFileException && e.getReason() == null) { // a reason of ours says more
      return file + " does not exist";
    }
    return null;
  }

  /** The path itself or the nearest of its parents that is a regular file, if any. */
  private static Path firstFile(Path p) {
    for (Path q = p.toAbsolutePath(); q != null; q = q.getParent()) {
      if (Files.isRegularFile(q)) {
        return q;
      }
    }
    return null;
  }
}

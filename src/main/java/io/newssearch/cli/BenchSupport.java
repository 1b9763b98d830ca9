package io.newssearch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the bench commands share: a clear message when the corpus (usually ../shared/data) is missing. */
final class BenchSupport {

  private BenchSupport() {}

  static boolean corpusExists(List<Path> corpus) {
    for (Path p : corpus) {
      if (!Files.exists(p)) {
        System.err.println("bench: corpus " + p + " not found. The real collections live in ../shared/data beside "
            + "the project (see ../shared/README.md).");
        return false;
      }
    }
    return true;
  }
}

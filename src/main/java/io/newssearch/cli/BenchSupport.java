package io.newssearch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the bench commands share: a clear message when the corpus (usually ../shared/data) is missing. */
final class BenchSupport {

  private BenchSupport() {}

  /** False (with a message naming the option) when a count option is below 1. */
  static boolean atLeastOne(String option, double value) {
    if (value < 1) {
      System.err.println("bench: " + option + " must be 1 or more, got " + value);
      return false;
    }
    return true;
  }

  /** False (with a message naming the option) when a count option is below 0. */
  static boolean notNegative(String option, int value) {
    if (value < 0) {
      System.err.println("bench: " + option + " must be 0 or more, got " + value);
      return false;
    }
    return true;
  }

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

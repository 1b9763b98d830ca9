package io.newssearch.cli;

/** A command cannot go on, for a reason the user can act on; the message says what and how (exit 1). */
final class CommandError extends RuntimeException {

  CommandError(String message) {
    super(message);
  }
}

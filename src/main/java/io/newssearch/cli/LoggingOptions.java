package io.newssearch.cli;

import picocli.CommandLine.Option;

/**
 * {@code --log-level} and {@code --log-format}, mixed into every command by {@link Main} and
 * applied by {@link Logging} before the command runs. Without them the logging is what
 * {@code logback.xml} says (info, text), or a file named by {@code -Dlogback.configurationFile}.
 */
final class LoggingOptions {

  /** Mixin name, to find these options in a parsed command. */
  static final String MIXIN = "logging";

  enum Level { error, warn, info, debug, trace }

  enum Format { text, json }

  @Option(names = "--log-level", paramLabel = "LEVEL",
      description = "Log level: ${COMPLETION-CANDIDATES} (default: info). warn and error also silence the access log.")
  Level level;

  @Option(names = "--log-format", paramLabel = "FORMAT",
      description = "text or json (one JSON object per line, for log shippers; default: text).")
  Format format;
}

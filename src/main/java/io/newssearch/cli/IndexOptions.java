package io.newssearch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index} option every command shares. */
final class IndexOptions {

  static final String DEFAULT_INDEX = "index-data";

  @Option(names = "--index", paramLabel = "DIR", defaultValue = DEFAULT_INDEX,
      description = "Index directory (default: ${DEFAULT-VALUE}).")
  Path index;
}

package io.newssearch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code newssearch bench}: the measurements behind BENCHMARKS.md, each a subcommand. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks: indexing and queries against bare Lucene, HTTP load, corpus growth and scale, near-real-time, embeddings and vectors, alerts.",
    subcommands = {BenchIndexCommand.class, BenchQueryCommand.class, BenchHttpCommand.class, BenchLoadCommand.class, BenchGenerateCommand.class, BenchNrtCommand.class,
        BenchBackendsCommand.class, BenchScaleCommand.class, BenchEmbedCommand.class, BenchVectorsCommand.class, BenchAlertsCommand.class, CommandLine.HelpCommand.class})
final class BenchCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}

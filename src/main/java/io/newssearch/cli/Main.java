package io.newssearch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code newssearch}: the command line. Each subcommand is a Callable that returns an exit code. */
@Command(
    name = "newssearch",
    mixinStandardHelpOptions = true,
    version = "newssearch 0.1.0",
    description = "Full-text search for news articles.",
    subcommands = {IndexCommand.class, ServeCommand.class, SearchCommand.class, AlertsCommand.class, BenchCommand.class, EvalCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for main and for tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(Main::failed);
  }

  /**
   * A command that fails (an unreachable cluster, an unreadable index) says why in one line and
   * exits 1; the stack trace goes to the log at debug level, not to the user's terminal.
   */
  private static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    org.slf4j.LoggerFactory.getLogger(Main.class).debug("{} failed", cmd.getCommandName(), e);
    cmd.getErr().println("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
    return 1;
  }
}

package io.newssearch.cli;

import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code newssearch}: the command line. Each subcommand is a Callable that returns an exit code. */
@Command(
    name = "newssearch",
    mixinStandardHelpOptions = true,
    version = "newssearch 0.1.0",
    description = "Full-text search for news articles.",
    // bench, eval and eval-modes are added by ToolCommands when their jar is on the classpath
    subcommands = {IndexCommand.class, ServeCommand.class, SearchCommand.class, AlertsCommand.class, CheckCommand.class,
        BackupCommand.class, RestoreCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    Logging.routeJavaUtilLogging(); // before Lucene or the JDK's HTTP client log anything
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for main and for tests; options also come from the environment. */
  public static CommandLine commandLine() {
    return commandLine(System::getenv);
  }

  /** @param environment where {@code NEWSSEARCH_*} variables are read ({@code System::getenv}) */
  static CommandLine commandLine(Function<String, String> environment) {
    CommandLine cl = new CommandLine(new Main());
    ToolCommands.addTo(cl);
    cl.setCaseInsensitiveEnumValuesAllowed(true).setExecutionExceptionHandler(Main::failed);
    addLoggingOptions(cl);
    cl.setDefaultValueProvider(EnvironmentDefaults.loggingOnly(environment));
    for (String deployed : List.of("serve", "index")) {
      CommandLine command = cl.getSubcommands().get(deployed);
      command.setDefaultValueProvider(EnvironmentDefaults.everyOption(environment));
      command.getCommandSpec().usageMessage().footer("", "Every option can also be set in the environment: "
          + EnvironmentDefaults.PREFIX + "<OPTION>, e.g. --max-body-bytes as " + EnvironmentDefaults.PREFIX
          + "MAX_BODY_BYTES. A flag wins.");
    }
    wholeNumbers(cl);
    cl.setParameterExceptionHandler((e, args) -> fromEnvironment(e) ? badVariable(e) : badInput(e));
    cl.setExecutionStrategy(Main::execute);
    return cl;
  }

  /** --log-level and --log-format on every command (help aside), without each command declaring them. */
  private static void addLoggingOptions(CommandLine command) {
    for (CommandLine sub : command.getSubcommands().values()) {
      if (!(sub.getCommand() instanceof CommandLine.HelpCommand)) {
        sub.addMixin(LoggingOptions.MIXIN, new LoggingOptions());
        addLoggingOptions(sub);
      }
    }
  }

  /** Logging is set up from the parsed options before the command runs. */
  private static int execute(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult last = parsed;
    while (last.hasSubcommand()) {
      last = last.subcommand();
    }
    CommandLine.Model.CommandSpec logging = last.commandSpec().mixins().get(LoggingOptions.MIXIN);
    if (logging != null) {
      Logging.apply((LoggingOptions) logging.userObject());
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  /** "'ten' is not a whole number" rather than picocli's "is not an int". */
  private static void wholeNumbers(CommandLine cl) {
    CommandLine.ITypeConverter<Integer> ints = v -> {
      try {
        return Integer.parseInt(v.strip());
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("'" + v + "' is not a whole number");
      }
    };
    CommandLine.ITypeConverter<Long> longs = v -> {
      try {
        return Long.parseLong(v.strip());
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("'" + v + "' is not a whole number");
      }
    };
    cl.registerConverter(Integer.class, ints).registerConverter(int.class, ints)
        .registerConverter(Long.class, longs).registerConverter(long.class, longs);
  }

  /**
   * A bad option: the problem, a did-you-mean for a mistyped one, and where the options are listed,
   * rather than the whole usage text, which pushes the one line that matters off the screen.
   */
  private static int badInput(CommandLine.ParameterException e) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr().println("error: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr());
    cmd.getErr().println("See '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** Whether a bad option value came from the environment rather than from the command line. */
  private static boolean fromEnvironment(CommandLine.ParameterException e) {
    return e.getArgSpec() instanceof CommandLine.Model.OptionSpec option
        && e.getCommandLine().getDefaultValueProvider() instanceof EnvironmentDefaults environment
        && environment.source(option) != null && environment.defaultValue(option).equals(e.getValue());
  }

  /**
   * Exit 2 naming the variable: "--port: 'x' is not an int" alone would point at a flag nobody
   * typed.
   */
  private static int badVariable(CommandLine.ParameterException e) throws Exception {
    CommandLine cmd = e.getCommandLine();
    var option = (CommandLine.Model.OptionSpec) e.getArgSpec();
    var environment = (EnvironmentDefaults) cmd.getDefaultValueProvider();
    cmd.getErr().println(e.getMessage() + " (from the environment variable " + environment.source(option) + ")");
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  /**
   * A command that fails (an unreachable cluster, an unreadable index) says why in one line and
   * exits 1; the stack trace goes to the log at debug level, not to the user's terminal.
   */
  private static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    org.slf4j.LoggerFactory.getLogger(Main.class).debug("{} failed", cmd.getCommandName(), e);
    cmd.getErr().println("error: " + FailureMessages.describe(e));
    return 1;
  }
}

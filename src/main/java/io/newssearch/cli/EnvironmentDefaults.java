package io.newssearch.cli;

import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options from the environment: {@code --max-body-bytes} is also {@code NEWSSEARCH_MAX_BODY_BYTES}
 * (upper case, dashes as underscores), as a service manager or container sets them. A flag on the
 * command line wins; picocli asks this provider only for options the command line did not give,
 * and converts and checks the value exactly as it would the flag's.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {

  static final String PREFIX = "NEWSSEARCH_";

  private final Function<String, String> environment;
  private final boolean everyOption;

  private EnvironmentDefaults(Function<String, String> environment, boolean everyOption) {
    this.environment = environment;
    this.everyOption = everyOption;
  }

  /**
   * For {@code serve} and {@code index}, the commands a deployment runs.
   *
   * @param environment {@code System::getenv}, or a map's {@code get} in tests
   */
  static EnvironmentDefaults everyOption(Function<String, String> environment) {
    return new EnvironmentDefaults(environment, true);
  }

  /** For the other commands: only {@code --log-level} and {@code --log-format}. */
  static EnvironmentDefaults loggingOnly(Function<String, String> environment) {
    return new EnvironmentDefaults(environment, false);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || !covers(option) || !(everyOption || isLogging(option))) {
      return null;
    }
    String value = environment.apply(variable(option));
    return value == null || value.isEmpty() ? null : value;
  }

  /** Every option but --help and --version. */
  static boolean covers(OptionSpec option) {
    return !option.usageHelp() && !option.versionHelp();
  }

  private static boolean isLogging(OptionSpec option) {
    var logging = option.command().mixins().get(LoggingOptions.MIXIN);
    return logging != null && logging.options().contains(option);
  }

  /** {@code --max-body-bytes} → {@code NEWSSEARCH_MAX_BODY_BYTES}. */
  static String variable(OptionSpec option) {
    return PREFIX + option.longestName().replaceFirst("^-+", "").toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** The variable an option's value came from, when it came from one; null otherwise. */
  String source(OptionSpec option) {
    return defaultValue(option) != null ? variable(option) : null;
  }
}

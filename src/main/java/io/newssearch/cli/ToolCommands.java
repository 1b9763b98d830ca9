package io.newssearch.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The commands that measure rather than serve ({@code bench}, {@code eval}, {@code eval-modes}).
 * They and their library (HdrHistogram) are packed apart, in {@code newssearch-tools.jar}
 * with {@code lib/tools/}, so that what {@code serve} loads holds none of them and the release
 * archive ships without them; the command line finds
 * them through {@link ServiceLoader} when they are on the classpath ({@code bin/newssearch} in a
 * source checkout puts them there for these commands).
 */
public interface ToolCommands {

  /** The names the tools answer to, for a placeholder when they are not installed. */
  List<String> NAMES = List.of("bench", "eval", "eval-modes");

  /** picocli command objects, each named by its {@code @Command}. */
  List<Object> commands();

  /** Adds the tools to the command line, or placeholders that say where the tools are. */
  static void addTo(CommandLine cl) {
    List<Object> found = new ArrayList<>();
    ServiceLoader.load(ToolCommands.class).forEach(t -> found.addAll(t.commands()));
    if (!found.isEmpty()) {
      found.forEach(cl::addSubcommand);
      return;
    }
    for (String name : NAMES) {
      cl.addSubcommand(name, new NotInstalled(name));
    }
  }

  /** {@code bench} and {@code eval} where the tools are not installed: says so instead of "unknown command". */
  @Command(description = "Not in this installation: benchmarks and evaluation run from a source checkout.")
  final class NotInstalled implements Callable<Integer> {
    private final String name;

    @CommandLine.Unmatched List<String> arguments = new ArrayList<>();

    NotInstalled(String name) {
      this.name = name;
    }

    @Override
    public Integer call() {
      System.err.println("error: '" + name + "' is not in this installation: benchmarks and evaluation, and the "
          + "libraries they need, ship with the source (run bin/newssearch " + name + " in a checkout), not with the "
          + "release archive, which holds what serve, index and search need");
      return 2;
    }
  }
}

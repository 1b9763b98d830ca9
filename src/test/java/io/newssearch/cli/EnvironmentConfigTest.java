package io.newssearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.http.ServerLimits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code NEWSSEARCH_<OPTION>} for every option of serve and index, and the README's table of them. */
class EnvironmentConfigTest {

  static CommandLine parse(Map<String, String> env, String... args) {
    CommandLine cl = Main.commandLine(env::get);
    cl.parseArgs(args);
    return cl;
  }

  static ServeCommand serve(Map<String, String> env, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "serve";
    System.arraycopy(args, 0, all, 1, args.length);
    return parse(env, all).getSubcommands().get("serve").getCommand();
  }

  @Test
  void serve_options_come_from_the_environment_and_flags_win() {
    Map<String, String> env = Map.of("NEWSSEARCH_PORT", "9000", "NEWSSEARCH_HOST", "0.0.0.0",
        "NEWSSEARCH_MAX_BODY_BYTES", "2048", "NEWSSEARCH_SHUTDOWN_TIMEOUT", "3s", "NEWSSEARCH_TIME_BUDGET", "250ms",
        "NEWSSEARCH_CORPUS", "a,b", "NEWSSEARCH_CORS_ORIGIN", "https://x.example,https://y.example",
        "NEWSSEARCH_INDEX", "/srv/index", "NEWSSEARCH_ADMIN_KEY", "k", "NEWSSEARCH_LOG_LEVEL", "WARN");
    ServeCommand s = serve(env);
    assertEquals(9000, s.port);
    assertEquals("0.0.0.0", s.host);
    assertEquals(new ServerLimits(2048, ServerLimits.DEFAULT_MAX_HEADER_BYTES, Duration.ofSeconds(3)),
        s.serverLimits());
    assertEquals(Duration.ofMillis(250), s.searchLimits().timeBudget());
    assertEquals(List.of(Path.of("a"), Path.of("b")), s.corpus);
    assertEquals(List.of("https://x.example", "https://y.example"), s.corsOrigins);
    assertEquals(Path.of("/srv/index"), s.index.index, "the shared index options too");
    assertEquals("k", s.adminKey);
    assertEquals(LoggingOptions.Level.warn, logging(parse(env, "serve"), "serve").level);

    ServeCommand flags = serve(env, "--port", "9001", "--corpus", "c", "--log-level", "debug");
    assertEquals(9001, flags.port);
    assertEquals(List.of(Path.of("c")), flags.corpus);
    assertEquals(LoggingOptions.Level.debug, logging(parse(env, "serve", "--log-level", "debug"), "serve").level);

    ServeCommand none = serve(Map.of());
    assertEquals(8080, none.port);
    assertEquals(List.of(), none.corsOrigins);
    assertEquals(null, logging(parse(Map.of(), "serve"), "serve").level, "logback.xml decides");
  }

  static LoggingOptions logging(CommandLine cl, String command) {
    return (LoggingOptions) cl.getSubcommands().get(command).getCommandSpec().mixins().get(LoggingOptions.MIXIN)
        .userObject();
  }

  @Test
  void index_flags_come_from_the_environment() {
    CommandLine cl = parse(Map.of("NEWSSEARCH_CORPUS", "/data/news", "NEWSSEARCH_REBUILD", "true",
        "NEWSSEARCH_NO_PROGRESS", "true", "NEWSSEARCH_LOG_FORMAT", "json"), "index");
    IndexCommand index = cl.getSubcommands().get("index").getCommand();
    assertEquals(List.of(Path.of("/data/news")), index.corpus, "a required option satisfied by the environment");
    assertTrue(index.rebuild);
    assertTrue(index.noProgress);
    assertFalse(index.strict);
    assertEquals(LoggingOptions.Format.json, logging(cl, "index").format);
  }

  @Test
  void other_commands_take_only_the_logging_variables() {
    CommandLine cl = parse(Map.of("NEWSSEARCH_SIZE", "50", "NEWSSEARCH_LOG_LEVEL", "error"), "search", "x");
    Object size = cl.getSubcommands().get("search").getCommandSpec().findOption("--size").getValue();
    assertFalse("50".equals(String.valueOf(size)), "a deployment's variables do not change a person's searches");
    Object given = parse(Map.of("NEWSSEARCH_SIZE", "50"), "search", "x", "--size", "7").getSubcommands()
        .get("search").getCommandSpec().findOption("--size").getValue();
    assertEquals("7", String.valueOf(given), "the option itself works, so the check above can fail");
    assertEquals(LoggingOptions.Level.error, logging(cl, "search").level);
  }

  @Test
  void a_bad_value_in_the_environment_exits_2_naming_the_variable() {
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(Map.of("NEWSSEARCH_PORT", "eighty")::get);
    cl.getSubcommands().get("serve").setErr(new PrintWriter(err, true));
    assertEquals(2, cl.execute("serve"));
    assertTrue(err.toString().contains("'eighty' is not a whole number")
        && err.toString().contains("environment variable NEWSSEARCH_PORT"), err.toString());

    StringWriter flagErr = new StringWriter();
    CommandLine flag = Main.commandLine(Map.of("NEWSSEARCH_PORT", "eighty")::get);
    flag.getSubcommands().get("serve").setErr(new PrintWriter(flagErr, true));
    assertEquals(2, flag.execute("serve", "--port", "ninety"));
    assertFalse(flagErr.toString().contains("NEWSSEARCH_PORT"), "the flag was the bad value: " + flagErr);
  }

  // ===== the README's table =====

  static final String BEGIN = "<!-- options-table:begin";
  static final String END = "<!-- options-table:end -->";

  @Test
  void the_readme_table_lists_every_option_of_serve_and_index() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    assertTrue(begin >= 0 && end > begin, "README.md has the markers " + BEGIN + " ... " + END);
    String documented = readme.substring(readme.indexOf('\n', begin) + 1, end);
    String expected = table();
    assertEquals(expected, documented, "README.md's options table is not the options of serve and index; "
        + "put this between the markers:\n" + expected);
  }

  /** One row per option of serve and index (help and version aside), in the order --help lists them. */
  static String table() {
    CommandLine cl = Main.commandLine(Map.<String, String>of()::get);
    Map<String, Map<String, OptionSpec>> byName = new LinkedHashMap<>(); // --flag → command → option
    for (String command : List.of("serve", "index")) {
      for (OptionSpec o : cl.getSubcommands().get(command).getCommandSpec().options()) {
        if (EnvironmentDefaults.covers(o)) {
          byName.computeIfAbsent(o.longestName(), k -> new LinkedHashMap<>()).put(command, o);
        }
      }
    }
    StringBuilder out = new StringBuilder("| variable | flag | commands | default | meaning |\n|---|---|---|---|---|\n");
    for (Map<String, OptionSpec> perCommand : byName.values()) {
      OptionSpec o = perCommand.values().iterator().next();
      String flag = o.longestName() + (o.arity().max() > 0 ? " " + o.paramLabel() : "");
      out.append("| `").append(EnvironmentDefaults.variable(o)).append("` | `").append(cell(flag)).append("` | ")
          .append(String.join(", ", perCommand.keySet())).append(" | ").append(cell(defaultOf(o))).append(" | ")
          .append(cell(meaning(perCommand))).append(" |\n");
    }
    return out.toString();
  }

  /** The default the model holds, else the one the help states ("default: the live collection's"). */
  static String defaultOf(OptionSpec o) {
    Object v = o.defaultValue() != null ? o.defaultValue() : o.initialValue();
    if (v instanceof Duration d) {
      return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
    if (v != null && !(v instanceof Collection<?> c && c.isEmpty())) {
      return "`" + v + "`";
    }
    Matcher stated = Pattern.compile("(?i)default: ([^);]+?)\\.?(\\)|;|$)").matcher(String.join(" ", o.description()));
    return stated.find() ? stated.group(1) : "none";
  }

  /** The first sentence of the help, without the default; per command when the commands say different things. */
  static String meaning(Map<String, OptionSpec> perCommand) {
    List<String> sentences = perCommand.values().stream().map(EnvironmentConfigTest::firstSentence).distinct().toList();
    if (sentences.size() == 1) {
      return sentences.get(0);
    }
    List<String> parts = new ArrayList<>();
    perCommand.forEach((command, o) -> parts.add(command + ": " + firstSentence(o)));
    return String.join(" ", parts);
  }

  static String firstSentence(OptionSpec o) {
    String text = String.join(" ", o.description());
    int stop = text.indexOf(". ");
    String first = stop < 0 ? text : text.substring(0, stop + 1);
    return first.replaceAll("(?i)\\s*\\(default:[^)]*\\)", "").replaceAll("(?i);\\s*default:[^)]*(?=\\))", "").strip();
  }

  /** Markdown table cells: a | inside code still splits the row unless escaped. */
  static String cell(String text) {
    return text.replace("|", "\\|");
  }
}

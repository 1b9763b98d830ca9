package io.newssearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newssearch alerts add|list|matches|rm}, and an {@code index} run firing the alerts. */
class AlertsCommandTest {

  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void an_alert_added_on_the_command_line_fires_on_the_next_index_run_once() throws Exception {
    String index = dir.resolve("ix").toString();
    Files.createDirectories(dir.resolve("ix")); // the index folder, as a server or an earlier index run leaves it
    CliRun added = run("alerts", "add", "--index", index, "ferry storm", "--op", "and", "--lang", "English", "--name", "Ferries");
    assertEquals(0, added.exit(), added.err());
    String id = added.out().split("\\s+")[1];
    assertTrue(id.startsWith("al-"), added.out());

    assertEquals(0, run("index", "--index", index, "--corpus", "src/test/resources/index/corpus", "--no-progress").exit());
    CliRun matches = run("alerts", "matches", "--index", index, id);
    assertEquals(0, matches.exit(), matches.err());
    assertTrue(matches.out().contains("Ferry service resumes after storm") && matches.out().contains("1 match(es)"),
        matches.out());

    assertEquals(0, run("index", "--index", index, "--corpus", "src/test/resources/index/corpus", "--rebuild", "--no-progress").exit());
    assertTrue(run("alerts", "matches", "--index", index, id).out().contains("1 match(es)"), "a rebuild does not fire again");
    assertTrue(run("alerts", "list", "--index", index).out().contains("Ferries"));
    assertTrue(Files.exists(dir.resolve("ix").resolve("alerts").resolve("alerts.db")), "beside the generations");

    CliRun bad = run("alerts", "add", "--index", index, "x", "--name", "Bad", "--lang", "Klingonish");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("--lang: 'Klingonish' is not a language we know"), bad.err());
    CliRun hook = run("alerts", "add", "--index", index, "x", "--name", "Hook", "--webhook", "http://example.org/h");
    assertEquals(2, hook.exit());
    assertTrue(hook.err().contains("--webhook: webhooks are off"), hook.err());
    CliRun otherPort = run("alerts", "add", "--index", index, "x", "--name", "Hook", "--webhook", "http://localhost:9001/h",
        "--webhook-allow", "localhost:9000");
    assertEquals(2, otherPort.exit());
    assertTrue(otherPort.err().contains("host 'localhost:9001' is not allowed"), otherPort.err());
    CliRun allowed = run("alerts", "add", "--index", index, "x", "--name", "Hook", "--webhook", "http://LOCALHOST:9000/h",
        "--webhook-allow", "localhost:9000", "--json");
    assertEquals(0, allowed.exit(), allowed.err());
    assertTrue(allowed.out().contains(":9000/h"), allowed.out());
    String hookId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(allowed.out()).get("id").asText();
    assertEquals(0, run("alerts", "rm", "--index", index, hookId).exit());

    assertEquals(0, run("alerts", "rm", "--index", index, id).exit());
    assertEquals(1, run("alerts", "rm", "--index", index, id).exit());
    assertTrue(run("alerts", "list", "--index", index).out().contains("0 alert(s)"));
  }

  @Test
  void a_mistyped_index_folder_is_said_so_in_one_line_and_nothing_is_created() {
    Path typo = dir.resolve("TYPO");
    String[][] commands = {{"list"}, {"add", "ferry", "--name", "Ferries"}, {"rm", "al-0000000000000000"},
        {"matches", "al-0000000000000000"}};
    for (String[] c : commands) {
      java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("alerts", c[0], "--index", typo.toString()));
      args.addAll(java.util.Arrays.asList(c).subList(1, c.length));
      CliRun r = run(args.toArray(String[]::new));
      assertEquals(1, r.exit(), c[0] + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), c[0] + ": one line, got " + r.err());
      assertTrue(r.err().contains("there is no index folder at " + typo), c[0] + ": " + r.err());
      assertTrue(r.out().isEmpty(), c[0] + ": " + r.out());
      assertTrue(Files.notExists(typo), c[0] + " created " + typo);
    }
  }
}

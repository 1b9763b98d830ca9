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
}

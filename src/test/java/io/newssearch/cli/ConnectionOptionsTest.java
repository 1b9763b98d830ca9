package io.newssearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newssearch.http.ConnectionLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ConnectionOptionsTest {

  private static ServeCommand parse(String... args) {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs(args);
    return serve;
  }

  @Test
  void every_connection_limit_has_a_serve_flag_and_the_defaults_are_the_documented_ones() {
    assertEquals(ConnectionLimits.DEFAULTS, parse().serverLimits().connections());
    ConnectionLimits set = parse("--max-threads", "64", "--accept-queue", "128", "--max-connections", "500",
        "--idle-timeout", "5s", "--idle-timeout-at-limit", "500ms", "--header-timeout", "3s").serverLimits().connections();
    assertEquals(new ConnectionLimits(64, 128, 500, Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(3)), set);
  }

  @Test
  void limits_that_would_leave_no_request_thread_or_no_timeout_are_refused() {
    assertThrows(IllegalArgumentException.class, () -> parse("--max-threads", "2").serverLimits());
    assertThrows(IllegalArgumentException.class, () -> parse("--header-timeout", "0s").serverLimits());
  }
}

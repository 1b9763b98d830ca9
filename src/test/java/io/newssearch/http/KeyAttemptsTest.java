package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyAttemptsTest {

  final AtomicLong now = new AtomicLong(1_000_000_000L);
  final KeyAttempts attempts = new KeyAttempts(now::get);

  void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  void lockouts_double_after_the_free_failures_up_to_the_maximum() {
    for (int i = 0; i < KeyAttempts.FREE_FAILURES; i++) {
      attempts.failed("a");
      assertEquals(OptionalLong.empty(), attempts.lockedOut("a"));
    }
    long[] expected = {1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300};
    for (long seconds : expected) {
      attempts.failed("a");
      assertEquals(OptionalLong.of(seconds), attempts.lockedOut("a"));
      advance(Duration.ofSeconds(seconds));
      assertEquals(OptionalLong.empty(), attempts.lockedOut("a"));
    }
    assertEquals(OptionalLong.empty(), attempts.lockedOut("b"));
  }

  @Test
  void a_right_key_or_a_quiet_quarter_hour_forgets_the_failures() {
    for (int i = 0; i <= KeyAttempts.FREE_FAILURES; i++) {
      attempts.failed("a");
    }
    assertTrue(attempts.lockedOut("a").isPresent());
    attempts.succeeded("a");
    attempts.failed("a");
    assertEquals(OptionalLong.empty(), attempts.lockedOut("a"), "counting starts again");

    for (int i = 0; i <= KeyAttempts.FREE_FAILURES; i++) {
      attempts.failed("b");
    }
    advance(KeyAttempts.FORGET_AFTER.plusSeconds(1));
    attempts.failed("b");
    assertEquals(OptionalLong.empty(), attempts.lockedOut("b"));
  }
}

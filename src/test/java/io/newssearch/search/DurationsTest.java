package io.newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void durations_read_short_and_iso_forms() {
    assertEquals(Duration.ofDays(7), Durations.parse("x", "7d"));
    assertEquals(Duration.ofHours(12), Durations.parse("x", "12h"));
    assertEquals(Duration.ofDays(14), Durations.parse("x", "2w"));
    assertEquals(Duration.ofDays(3), Durations.parse("x", "P3D"));
    assertEquals(Duration.ofHours(6), Durations.parse("x", "pt6h"));
    assertEquals("14d", Durations.format(Recency.DEFAULT_HALF_LIFE));
  }

  @Test
  void one_grammar_serves_options_and_parameters() {
    assertEquals(Duration.ofMillis(500), Durations.parse("x", "500ms"));
    assertEquals(Duration.ofSeconds(2), Durations.parse("x", "2s"));
    assertEquals(Duration.ofMinutes(1), Durations.parse("x", "1m"));
    assertEquals(Duration.ofSeconds(2), Durations.parse("x", "PT2S"));
    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> Durations.parse("recency_scale", "fortnight"));
    assertTrue(e.getMessage().contains("recency_scale") && e.getMessage().contains("'fortnight'"), e.getMessage());
  }
}

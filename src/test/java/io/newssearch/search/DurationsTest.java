package io.newssearch.search;


import static org.junit.jupiter.api.Assertions.assertEquals;

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
}

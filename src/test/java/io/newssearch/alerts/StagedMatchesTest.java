package io.newssearch.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.article.Article;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch's staging: small in memory, large in a file that goes with the batch, read back as written. */
class StagedMatchesTest {

  @TempDir Path dir;

  private static Article article(int i) {
    return new Article("a" + i, i % 2 == 0 ? null : "https://example.org/" + i, "Headline ü " + "x".repeat(200) + i,
        "body", i % 3 == 0 ? null : Instant.ofEpochMilli(1_000L * i), "en", List.of(), "Wire", null);
  }

  private long stagingFiles() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("staged-")).count();
    }
  }

  @Test
  void a_large_batch_goes_to_a_file_reads_back_in_order_and_leaves_nothing_behind() throws Exception {
    int n = StagedMatches.IN_MEMORY / 200 + 100; // past the memory limit with ~250 bytes an article
    try (StagedMatches staged = new StagedMatches(dir)) {
      for (int i = 0; i < n; i++) {
        staged.add(i, article(i), i % 4 == 0 ? List.of() : List.of("alert-" + (i % 7), "everything"));
      }
      assertTrue(staged.onDisk());
      assertEquals(1, stagingFiles());
      for (int pass = 0; pass < 2; pass++) { // read again for an undo
        try (StagedMatches.Reader in = staged.read()) {
          for (int i = 0; i < n; i++) {
            StagedMatches.Staged s = in.next();
            assertEquals(i, s.hash());
            if (i % 4 == 0) {
              assertEquals(List.of(), s.alerts());
              assertNull(s.id());
              continue;
            }
            Article a = article(i);
            assertEquals(List.of(a.id(), a.title(), "Wire", "en"), List.of(s.id(), s.title(), s.source(), s.language()));
            assertEquals(a.url(), s.url());
            assertEquals(a.published(), s.published());
            assertEquals(List.of("alert-" + (i % 7), "everything"), s.alerts());
          }
          assertNull(in.next());
        }
      }
    }
    assertEquals(0, stagingFiles(), "deleted with its batch");
  }

  @Test
  void a_small_batch_stays_in_memory() throws Exception {
    try (StagedMatches staged = new StagedMatches(dir)) {
      staged.add(7, article(1), List.of("a"));
      assertFalse(staged.onDisk());
      assertEquals(0, stagingFiles());
      try (StagedMatches.Reader in = staged.read()) {
        assertEquals("a1", in.next().id());
        assertNull(in.next());
      }
    }
  }

  @Test
  void a_file_left_by_a_crash_is_deleted_and_one_in_use_is_kept() throws Exception {
    Path left = Files.writeString(dir.resolve("staged-123.matches"), "from a process that crashed");
    try (StagedMatches inUse = new StagedMatches(dir)) {
      for (int i = 0; !inUse.onDisk(); i++) {
        inUse.add(i, article(i), List.of("a"));
      }
      StagedMatches.deleteAbandoned(dir);
      assertFalse(Files.exists(left));
      assertEquals(1, stagingFiles(), "the live batch's file stays");
    }
  }
}

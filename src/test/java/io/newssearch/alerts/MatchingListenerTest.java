package io.newssearch.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.article.Article;
import io.newssearch.index.IndexListener;
import io.newssearch.index.IndexedArticle;
import io.newssearch.index.Origin;
import io.newssearch.search.SearchLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recording transaction runs beside the index's commit: a batch whose commit fails leaves
 * nothing recorded (its articles fire when written again), and one committed fires once.
 */
class MatchingListenerTest {

  @TempDir Path dir;

  private static IndexedArticle copper(String id) {
    return IndexedArticle.of(new Article(id, null, "Copper prices rise", "Copper rose on the London exchange.",
        Instant.parse("2025-06-01T00:00:00Z"), "en", List.of(), "Wire", null), Origin.API);
  }

  @Test
  void a_batch_whose_commit_fails_leaves_nothing_recorded_and_fires_when_written_again() throws Exception {
    try (Alerts alerts = Alerts.offline(dir)) {
      Alert alert = alerts.add(Map.of("name", List.of("copper"), "q", List.of("copper")));

      IndexListener.Batch failed = alerts.listener().open();
      failed.upserted(copper("c1"));
      failed.committing(); // recorded beside the commit...
      failed.abandoned(); // ...which failed
      assertEquals(0, alerts.status(alert).matches(), "undone with its commit");

      IndexListener.Batch retried = alerts.listener().open();
      retried.upserted(copper("c1"));
      retried.committing();
      retried.committed();
      assertEquals(1, alerts.status(alert).matches(), "still new to the alerts: matched again");

      IndexListener.Batch again = alerts.listener().open();
      again.upserted(copper("c1"));
      again.committing();
      again.committed();
      assertEquals(1, alerts.status(alert).matches(), "seen: never fires twice");
    }
  }

  /**
   * A command's batch marks its matches pending while its commit runs and lifts the mark once the
   * commit is done, so that a server (another process, here a store opened in another's name)
   * hands them out; an undone batch leaves no mark behind.
   */
  @Test
  void a_committed_batch_leaves_its_matches_to_other_processes_and_an_undone_one_no_mark() throws Exception {
    Process server = new ProcessBuilder("sleep", "120").start();
    try {
      try (Alerts alerts = Alerts.offline(dir)) {
        alerts.add(Map.of("name", List.of("copper"), "q", List.of("copper")));
        IndexListener.Batch failed = alerts.listener().open();
        failed.upserted(copper("c1"));
        failed.committing();
        failed.abandoned();
        IndexListener.Batch batch = alerts.listener().open();
        batch.upserted(copper("c2"));
        batch.committing();
        batch.committed();
      }
      try (AlertStore seen = AlertStore.open(dir, ThisProcess.of(server.toHandle()))) {
        assertEquals(List.of("c2"), seen.matchesAfter(0, 10).stream().map(AlertMatch::articleId).toList());
        assertEquals(0, AlertStoreTest.count(dir.resolve(AlertStore.FILE),
            "SELECT count(*) FROM pending"), "no mark left: this process still runs, so one would hold them back");
      }
    } finally {
      server.destroyForcibly();
    }
  }

  /**
   * The recording's transaction ends before the index's commit does: a stream (and a webhook)
   * gets a match only once the commit is done, never one that its failed commit undid.
   */
  @Test
  void a_match_reaches_the_streams_only_after_its_commit() throws Exception {
    try (Alerts alerts = Alerts.serving(dir, SearchLimits.DEFAULTS, WebhookSettings.allowing(WebhookPolicy.NONE))) {
      Alert alert = alerts.add(Map.of("name", List.of("copper"), "q", List.of("copper")));
      BlockingQueue<AlertMatch> streamed = new LinkedBlockingQueue<>();
      try (AutoCloseable stream = alerts.subscribe(alert.id(), streamed::add)) {
        IndexListener.Batch failed = alerts.listener().open();
        failed.upserted(copper("c1"));
        failed.committing();
        awaitMatches(alerts, alert, 1); // recorded, the index's commit still running
        assertNull(streamed.poll(MatchEvents.POLL.toMillis() * 3, TimeUnit.MILLISECONDS), "not before the commit");
        failed.abandoned();
        assertEquals(0, alerts.status(alert).matches());
        assertNull(streamed.poll(MatchEvents.POLL.toMillis() * 3, TimeUnit.MILLISECONDS), "undone: never");

        IndexListener.Batch retried = alerts.listener().open();
        retried.upserted(copper("c1"));
        retried.committing();
        retried.committed();
        AlertMatch m = streamed.poll(10, TimeUnit.SECONDS);
        assertEquals("c1", m == null ? null : m.articleId(), "the committed match");
        assertNull(streamed.poll(MatchEvents.POLL.toMillis() * 2, TimeUnit.MILLISECONDS), "once");
      }
    }
  }

  private static void awaitMatches(Alerts alerts, Alert alert, long n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (alerts.status(alert).matches() != n) {
      assertTrue(System.nanoTime() < deadline, "the recording did not record " + n + " matches");
      Thread.sleep(10);
    }
  }

  @Test
  void a_target_that_does_not_announce_its_commit_still_gets_its_matches_recorded() throws Exception {
    try (Alerts alerts = Alerts.offline(dir)) {
      Alert alert = alerts.add(Map.of("name", List.of("copper"), "q", List.of("copper")));
      IndexListener.Batch batch = alerts.listener().open();
      batch.upserted(copper("c2"));
      batch.upserted(copper("c3"));
      batch.committed();
      batch.abandoned(); // a close after the commit: nothing to undo
      assertEquals(2, alerts.status(alert).matches());
    }
  }

  /**
   * A batch larger than the articles matched at once (a rebuild is one batch): every article is
   * matched, those that match are recorded, the others are marked seen and never fire later.
   */
  @Test
  void a_batch_of_many_articles_records_each_match_once_and_marks_every_article_seen() throws Exception {
    try (Alerts alerts = Alerts.offline(dir)) {
      Alert alert = alerts.add(Map.of("name", List.of("copper"), "q", List.of("copper")));
      int articles = MatchingListener.IN_FLIGHT * 4 + 3;
      IndexListener.Batch batch = alerts.listener().open();
      for (int i = 0; i < articles; i++) {
        batch.upserted(i % 3 == 0 ? copper("c" + i) : tin("t" + i));
      }
      batch.committing();
      batch.committed();
      int copper = (articles + 2) / 3;
      assertEquals(copper, alerts.status(alert).matches());

      Alert tinAlert = alerts.add(Map.of("name", List.of("tin"), "q", List.of("tin")));
      IndexListener.Batch again = alerts.listener().open();
      for (int i = 0; i < articles; i++) {
        again.upserted(i % 3 == 0 ? copper("c" + i) : tin("t" + i));
      }
      again.committing();
      again.committed();
      assertEquals(copper, alerts.status(alert).matches(), "seen: no second match");
      assertEquals(0, alerts.status(tinAlert).matches(), "seen before the alert existed: it does not fire");
    }
  }

  /**
   * A batch too large for memory (a rebuild with an alert that matches everything) is staged in a
   * file: recorded from it, undone from it when the commit fails, and the file goes with the batch.
   */
  @Test
  void a_batch_staged_in_a_file_is_recorded_and_undone_from_it() throws Exception {
    try (Alerts alerts = Alerts.offline(dir)) {
      Alert everything = alerts.add(Map.of("name", List.of("everything")));
      String longTitle = "Copper prices rise " + "again ".repeat(150);
      int articles = StagedMatches.IN_MEMORY / longTitle.length() + 50;

      IndexListener.Batch failed = alerts.listener().open();
      for (int i = 0; i < articles; i++) {
        failed.upserted(IndexedArticle.of(new Article("c" + i, null, longTitle, "Copper rose.",
            Instant.parse("2025-06-01T00:00:00Z"), "en", List.of(), "Wire", null), Origin.API));
      }
      failed.committing();
      assertEquals(1, stagingFiles(), "staged in a file");
      failed.abandoned();
      assertEquals(0, alerts.status(everything).matches(), "undone");
      assertEquals(0, stagingFiles(), "the file went with the batch");

      IndexListener.Batch retried = alerts.listener().open();
      for (int i = 0; i < articles; i++) {
        retried.upserted(IndexedArticle.of(new Article("c" + i, null, longTitle, "Copper rose.",
            Instant.parse("2025-06-01T00:00:00Z"), "en", List.of(), "Wire", null), Origin.API));
      }
      retried.committing();
      retried.committed();
      assertEquals(articles, alerts.status(everything).matches(), "unseen after the undo: every article fires");
      assertEquals(0, stagingFiles());
    }
  }

  /**
   * A staging that cannot be written (its folder gone here; a full disk alike) fails the batch's
   * commit with a message that says where, and records nothing.
   */
  @Test
  void a_batch_that_cannot_be_staged_fails_its_commit_naming_the_folder() throws Exception {
    try (Alerts alerts = Alerts.offline(dir)) {
      Alert everything = alerts.add(Map.of("name", List.of("everything")));
      String longTitle = "Copper prices rise " + "again ".repeat(150);
      IndexListener.Batch batch = alerts.listener().open();
      Path away = dir.resolveSibling(dir.getFileName() + "-away");
      Files.move(dir, away); // the store's open files go with it
      try {
        for (int i = 0; i < StagedMatches.IN_MEMORY / longTitle.length() + 50; i++) {
          batch.upserted(IndexedArticle.of(new Article("c" + i, null, longTitle, "Copper rose.",
              Instant.parse("2025-06-01T00:00:00Z"), "en", List.of(), "Wire", null), Origin.API));
        }
        IOException e = assertThrows(IOException.class, batch::committing);
        assertTrue(e.getMessage().startsWith("cannot stage the alert matches in " + dir), e.getMessage());
        batch.abandoned();
      } finally {
        Files.move(away, dir);
      }
      assertEquals(0, alerts.status(everything).matches());
    }
  }

  private long stagingFiles() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("staged-")).count();
    }
  }

  private static IndexedArticle tin(String id) {
    return IndexedArticle.of(new Article(id, null, "Tin output steady", "Tin mines kept their output.",
        Instant.parse("2025-06-01T00:00:00Z"), "en", List.of(), "Wire", null), Origin.API);
  }
}

package io.newssearch.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newssearch.article.Article;
import io.newssearch.index.IndexListener;
import io.newssearch.index.IndexedArticle;
import io.newssearch.index.Origin;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
}

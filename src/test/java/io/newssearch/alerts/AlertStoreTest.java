package io.newssearch.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.article.Article;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert store on disk: an article kept once for all its matches, and a store of the first layout moved on open. */
class AlertStoreTest {

  @TempDir Path dir;

  static Alert alert(String id) {
    return new Alert(id, "name " + id, Map.of("q", List.of("x")), null, "token-" + id, Instant.ofEpochMilli(1));
  }

  static AlertMatch match(String alert, String article) {
    return new AlertMatch(0, alert, article, "Title " + article, "https://example.org/" + article, "Wire", "en",
        Instant.parse("2025-06-01T00:00:00Z"), Instant.ofEpochMilli(5_000));
  }

  static long count(Path db, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void an_article_is_stored_once_and_leaves_with_the_last_alert_that_matched_it() throws Exception {
    Path db = dir.resolve(AlertStore.FILE);
    try (AlertStore store = AlertStore.open(dir)) {
      store.add(List.of(alert("a"), alert("b")));
      List<AlertMatch> recorded = store.record(List.of("x1", "x2"),
          List.of(match("a", "x1"), match("b", "x1"), match("a", "x2"), match("gone", "x2")));
      assertEquals(List.of(1L, 2L, 3L), recorded.stream().map(AlertMatch::seq).toList(), "a deleted alert gets nothing");
      assertEquals(2, count(db, "SELECT count(*) FROM articles"));
      assertEquals("Title x1", store.matches("b", 10, Long.MAX_VALUE, null).get(0).title());
      assertEquals(List.of(), store.record(List.of("x1"), List.of(match("a", "x1"))), "seen before: no second match");

      store.delete("a");
      assertEquals(1, count(db, "SELECT count(*) FROM articles"), "x2 was only a's; x1 is still b's");
      AlertMatch kept = store.matches("b", 10, Long.MAX_VALUE, null).get(0);
      assertEquals(List.of("x1", "https://example.org/x1", Instant.parse("2025-06-01T00:00:00Z")),
          List.of(kept.articleId(), kept.url(), kept.published()));
    }
  }

  /**
   * A batch of more articles than one transaction takes is recorded in several, whole; undone
   * whole; and when a later transaction fails, the earlier ones are undone with it.
   */
  @Test
  void a_batch_larger_than_a_transaction_is_recorded_and_undone_whole() throws Exception {
    Path db = dir.resolve(AlertStore.FILE);
    int articles = MatchRecording.ARTICLES_PER_TRANSACTION * 2 + 500;
    try (AlertStore store = AlertStore.open(dir)) {
      store.add(List.of(alert("a")));
      try (StagedMatches staged = stageEveryOther(store, "x", articles)) {
        AlertStore.Recorded r = store.recordUndoably(staged, Instant.ofEpochMilli(5_000));
        assertEquals(3, r.chunks().size());
        assertEquals((articles + 1) / 2, count(db, "SELECT count(*) FROM matches"));
        assertEquals(articles, count(db, "SELECT count(*) FROM seen"));
        assertEquals(List.of(1L, 2L), store.matchesAfter(0, 2).stream().map(AlertMatch::seq).toList());
        store.undo(r);
      }
      assertEquals(List.of(0L, 0L, 0L), List.of(count(db, "SELECT count(*) FROM matches"),
          count(db, "SELECT count(*) FROM articles"), count(db, "SELECT count(*) FROM seen")));

      try (StagedMatches staged = stageEveryOther(store, "y", articles)) {
        // The staging's file ends early (a disk that lost it): the third transaction's read fails.
        staged.read().close(); // everything written to the file
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
          file = files.filter(f -> f.getFileName().toString().startsWith("staged-")).findFirst().orElseThrow();
        }
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
          c.truncate(c.size() * 9 / 10);
        }
        IOException e = assertThrows(IOException.class, () -> store.recordUndoably(staged, Instant.ofEpochMilli(5_000)));
        assertTrue(e.getMessage().contains("end early"), e.getMessage());
      }
      assertEquals(List.of(0L, 0L, 0L), List.of(count(db, "SELECT count(*) FROM matches"),
          count(db, "SELECT count(*) FROM articles"), count(db, "SELECT count(*) FROM seen")),
          "the transactions before the failed one are undone");
    }
  }

  /**
   * Another process's recording (here a store opened in the name of a real running process) is
   * not handed out while its commit runs; it is once that commit settles it, or once that process
   * is gone (killed before it could). This process's own recordings are its caller's to hold back.
   */
  @Test
  void another_process_recording_is_handed_out_after_its_commit_or_its_end() throws Exception {
    Path db = dir.resolve(AlertStore.FILE);
    Process other = new ProcessBuilder("sleep", "120").start();
    try (AlertStore server = AlertStore.open(dir);
        AlertStore indexer = AlertStore.open(dir, ThisProcess.of(other.toHandle()))) {
      server.add(List.of(alert("a")));
      AlertStore.Recorded committing = recordOne(indexer, "x1");
      assertEquals(1, count(db, "SELECT count(*) FROM matches"), "recorded");
      assertEquals(List.of(), server.matchesAfter(0, 10), "its commit still running");
      indexer.settle(committing);
      assertEquals(List.of("x1"), articles(server.matchesAfter(0, 10)), "committed");

      recordOne(indexer, "x2"); // and the process dies before its commit ends
      assertEquals(List.of("x1"), articles(server.matchesAfter(0, 10)));
      other.destroyForcibly().waitFor();
      assertEquals(List.of("x1", "x2"), articles(server.matchesAfter(0, 10)), "its commit's end is unknown: handed out");
      assertEquals(0, count(db, "SELECT count(*) FROM pending"), "the dead process's mark is dropped");

      recordOne(server, "x3");
      assertEquals(List.of("x1", "x2", "x3"), articles(server.matchesAfter(0, 10)), "its own: not held back here");
    } finally {
      other.destroyForcibly();
    }
  }

  private static AlertStore.Recorded recordOne(AlertStore store, String id) throws IOException {
    try (StagedMatches staged = store.stage()) {
      staged.add(AlertStore.hash(id), new Article(id, null, "Title " + id, null, null, "en", List.of(), "Wire", null),
          List.of("a"));
      return store.recordUndoably(staged, Instant.ofEpochMilli(5_000));
    }
  }

  private static List<String> articles(List<AlertMatch> matches) {
    return matches.stream().map(AlertMatch::articleId).toList();
  }

  /** {@code n} articles, every other one matched by alert "a", staged (in a file: more than memory holds). */
  private static StagedMatches stageEveryOther(AlertStore store, String prefix, int n) throws Exception {
    StagedMatches staged = store.stage();
    for (int i = 0; i < n; i++) {
      String id = prefix + i;
      staged.add(AlertStore.hash(id), new Article(id, "https://example.org/" + "long/".repeat(20) + id, "Title " + id,
          null, null, "en", List.of(), "Wire", null), i % 2 == 0 ? List.of("a") : List.of());
    }
    assertTrue(staged.onDisk());
    return staged;
  }

  @Test
  void a_store_of_the_first_layout_keeps_its_matches_and_their_seqs() throws Exception {
    Files.createDirectories(dir);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(AlertStore.FILE));
        Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE alerts(id TEXT PRIMARY KEY, name TEXT NOT NULL, search TEXT NOT NULL, webhook TEXT, "
          + "token TEXT NOT NULL UNIQUE, created INTEGER NOT NULL)");
      s.executeUpdate("CREATE TABLE matches(seq INTEGER PRIMARY KEY AUTOINCREMENT, alert_id TEXT NOT NULL, "
          + "article_id TEXT NOT NULL, title TEXT, url TEXT, source TEXT, language TEXT, published INTEGER, "
          + "matched_at INTEGER NOT NULL)");
      s.executeUpdate("CREATE INDEX matches_by_alert ON matches(alert_id, seq)");
      s.executeUpdate("CREATE TABLE seen(h INTEGER PRIMARY KEY)");
      s.executeUpdate("CREATE TABLE state(key TEXT PRIMARY KEY, value INTEGER NOT NULL)");
      s.executeUpdate("INSERT INTO alerts VALUES ('a', 'A', '{\"q\":[\"x\"]}', NULL, 't-a', 1), "
          + "('b', 'B', '{\"q\":[\"x\"]}', NULL, 't-b', 1)");
      s.executeUpdate("INSERT INTO matches VALUES (7, 'a', 'x1', 'One', 'u1', 'Wire', 'en', 1000, 2000), "
          + "(9, 'b', 'x1', 'One', 'u1', 'Wire', 'en', 1000, 2000), (12, 'a', 'x2', 'Two', 'u2', NULL, 'en', NULL, 3000)");
    }
    try (AlertStore store = AlertStore.open(dir)) {
      assertEquals(List.of(12L, 7L), store.matches("a", 10, Long.MAX_VALUE, null).stream().map(AlertMatch::seq).toList());
      AlertMatch two = store.matches("a", 10, Long.MAX_VALUE, null).get(0);
      assertEquals(List.of("x2", "Two", "u2", Instant.ofEpochMilli(3000)),
          List.of(two.articleId(), two.title(), two.url(), two.matchedAt()));
      assertEquals(null, two.published());
      assertEquals(List.of(9L), store.matchesAfter(7, 1).stream().map(AlertMatch::seq).toList());
      assertEquals(2, count(dir.resolve(AlertStore.FILE), "SELECT count(*) FROM articles"), "each article once");
      List<AlertMatch> next = store.record(List.of("x3"), List.of(match("b", "x3")));
      assertEquals(13, next.get(0).seq(), "numbering goes on after the moved matches");
    }
  }
}

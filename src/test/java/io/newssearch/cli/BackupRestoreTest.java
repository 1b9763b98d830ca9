package io.newssearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.newssearch.TestHttp;
import io.newssearch.TestIndexes;
import io.newssearch.article.Article;
import io.newssearch.http.App;
import io.newssearch.http.WriteAccess;
import io.newssearch.lucene.BackupManifest;
import io.newssearch.lucene.LuceneEngine;
import java.io.RandomAccessFile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup} and {@code restore} as a cron job runs them: while a real server keeps accepting
 * writes over HTTP, then restored both into a fresh folder and under the running server.
 */
class BackupRestoreTest {

  static final String KEY = "backup-test-key";
  static final List<String> QUERIES = List.of("naval drill", "inflation", "river flood", "regatta", "Bürgermeister");

  @TempDir Path dir;

  static CliRun run(String... args) {
    return CliRun.of(args);
  }

  /** Ids of every hit, in order, of each query (all versions, so nothing is collapsed away). */
  static Map<String, List<String>> answers(int port) throws Exception {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String q : QUERIES) {
      JsonNode r = TestHttp.send(port, "GET", "/api/search?size=100&collapse=none&q="
          + URLEncoder.encode(q, StandardCharsets.UTF_8), null, null).body();
      List<String> ids = new ArrayList<>();
      r.get("hits").forEach(h -> ids.add(h.get("id").asText()));
      out.put(q, ids);
    }
    return out;
  }

  @Test
  void a_backup_taken_while_a_server_writes_restores_to_the_same_searches() throws Exception {
    Path live = dir.resolve("live");
    TestIndexes.write(live, TestIndexes.newsroom());
    Set<String> corpusIds = new HashSet<>();
    TestIndexes.newsroom().stream().map(Article::id).forEach(corpusIds::add);
    try (LuceneEngine engine = new LuceneEngine(live, Duration.ofMillis(50))) {
      Javalin app = App.create(engine.search(), new WriteAccess(engine.store(), engine.preparer(), List.of(),
          Optional.of(KEY))).start("127.0.0.1", 0);
      try {
        Map<String, List<String>> before = answers(app.port());
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
          for (int i = 0; writing.get(); i++) {
            try {
              if (TestHttp.send(app.port(), "POST", "/api/articles", TestHttp.article("w-" + i, "Tide record " + i), KEY)
                  .status() == 200) {
                acknowledged.add("w-" + i);
              }
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
        }, "writer");
        writer.start();
        while (acknowledged.size() < 5) {
          Thread.sleep(10);
        }
        int ackedBefore = acknowledged.size();
        Path backup = dir.resolve("backups").resolve("news-1");
        CliRun b = run("backup", "--index", live.toString(), "--to", backup.toString());
        int ackedAfter = acknowledged.size();
        while (acknowledged.size() < ackedAfter + 5) {
          Thread.sleep(10); // the server keeps writing after the backup too
        }
        writing.set(false);
        writer.join();
        assertEquals(0, b.exit(), b.err());
        assertTrue(b.out().startsWith("backed up ") && b.out().contains("verified"), b.out());
        assertTrue(Files.isDirectory(backup) && !Files.exists(backup.resolveSibling("news-1.partial")));

        BackupManifest manifest = BackupManifest.read(backup);
        long inBackup = manifest.documents();
        // The one writer thread may have one more write committed but not yet acknowledged: a write
        // is on disk before its answer reaches the client.
        assertTrue(inBackup >= 12 + ackedBefore && inBackup <= 12 + ackedAfter + 1,
            inBackup + " articles: a commit between " + (12 + ackedBefore) + " and " + (12 + ackedAfter + 1));

        // into a fresh folder: no --force needed
        Path restored = dir.resolve("restored");
        CliRun r = run("restore", "--from", backup.toString(), "--index", restored.toString());
        assertEquals(0, r.exit(), r.err());
        try (LuceneEngine back = new LuceneEngine(restored)) {
          assertEquals(inBackup, back.search().count());
          for (int i = 0; i < ackedBefore; i++) {
            assertTrue(back.search().article(acknowledged.get(i)).isPresent(), acknowledged.get(i));
          }
          Javalin other = App.create(back.search()).start("127.0.0.1", 0);
          try {
            assertEquals(before, answers(other.port()));
          } finally {
            other.stop();
          }
        }
        assertEquals(0, run("check", "--index", restored.toString()).exit());

        // under the running server: refused without --force, then switched to by the server itself
        CliRun refused = run("restore", "--from", backup.toString(), "--index", live.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("holds a live index of " + (12 + acknowledged.size()) + " articles")
            && refused.err().contains("--force"), refused.err());
        CliRun forced = run("restore", "--from", backup.toString(), "--index", live.toString(), "--force");
        assertEquals(0, forced.exit(), forced.err());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long served = -1;
        while (System.nanoTime() < deadline && (served = TestHttp.send(app.port(), "GET", "/health", null, null)
            .body().get("articles").asLong()) != inBackup) {
          Thread.sleep(20);
        }
        assertEquals(inBackup, served, "the running server serves the restored generation");
        assertEquals(before, answers(app.port()));
      } finally {
        app.stop();
      }
    }
  }

  @Test
  void a_damaged_backup_is_refused_naming_the_file() throws Exception {
    Path live = dir.resolve("live");
    TestIndexes.write(live, TestIndexes.newsroom());
    Path backup = dir.resolve("b");
    assertEquals(0, run("backup", "--index", live.toString(), "--to", backup.toString()).exit());
    CliRun again = run("backup", "--index", live.toString(), "--to", backup.toString());
    assertEquals(1, again.exit());
    assertTrue(again.err().contains("the backup destination exists"), again.err());

    Path biggest;
    try (var files = Files.list(backup.resolve("index"))) {
      biggest = files.max((a, c) -> Long.compare(a.toFile().length(), c.toFile().length())).orElseThrow();
    }
    try (RandomAccessFile f = new RandomAccessFile(biggest.toFile(), "rw")) {
      f.seek(f.length() / 2);
      int b = f.read();
      f.seek(f.length() / 2);
      f.write(b ^ 1);
    }
    CliRun r = run("restore", "--from", backup.toString(), "--index", dir.resolve("fresh").toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("is damaged: " + biggest.getFileName()), r.err());
    assertTrue(!Files.exists(dir.resolve("fresh").resolve("CURRENT")), "nothing was published");
  }

  @Test
  void check_exits_0_on_a_healthy_index_and_1_naming_a_damaged_file() throws Exception {
    Path live = dir.resolve("live");
    TestIndexes.write(live, TestIndexes.newsroom());
    CliRun healthy = run("check", "--index", live.toString());
    assertEquals(0, healthy.exit(), healthy.out() + healthy.err());
    assertTrue(healthy.out().startsWith("healthy: gen-000001 (segments_"), healthy.out());
    assertTrue(healthy.out().contains("12 articles"), healthy.out());

    Path cfs;
    try (var files = Files.list(live.resolve("gen-000001"))) {
      cfs = files.filter(p -> p.toString().endsWith(".cfs")).findFirst().orElseThrow();
    }
    try (RandomAccessFile f = new RandomAccessFile(cfs.toFile(), "rw")) {
      f.setLength(f.length() - 7);
    }
    CliRun damaged = run("check", "--index", live.toString());
    assertEquals(1, damaged.exit(), damaged.out() + damaged.err());
    assertTrue(damaged.out().startsWith("DAMAGED: gen-000001"), damaged.out());
    assertTrue(damaged.out().contains(cfs.getFileName().toString()) && damaged.out().contains("newssearch restore"),
        damaged.out());

    CliRun none = run("check", "--index", dir.resolve("nothing").toString());
    assertEquals(1, none.exit());
    assertTrue(none.err().contains("no index has been published here"), none.err());
  }
}

package io.newssearch.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.newssearch.TestHttp;
import io.newssearch.TestHttp.Reply;
import io.newssearch.TestIndexes;
import io.newssearch.http.App;
import io.newssearch.http.WriteAccess;
import io.newssearch.index.IndexProgress;
import io.newssearch.index.IndexSummary;
import io.newssearch.index.Indexer;
import io.newssearch.index.WriteFailure;
import io.newssearch.search.SearchLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A full disk and failing I/O under API writes, an incremental index run and a rebuild, with
 * Lucene's {@code MockDirectoryWrapper} under every writer ({@link FaultyDisk}): the index as last
 * published keeps answering, nothing half-written shows, the failure is reported once in plain
 * words (a JSON 507 or 503 for an API write), and the next attempt once the disk is healthy
 * succeeds. The real server, over real HTTP.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FaultyDiskTest {

  static final String KEY = "disk-test-admin-key";
  static final Path SAMPLE = Path.of("sample-corpus");

  @TempDir Path dir;
  final FaultyDisk disk = new FaultyDisk(Long.getLong("tests.seed", 20261206L));
  final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  LuceneEngine engine;
  Javalin app;
  boolean stopped;

  @BeforeEach
  void start() throws Exception {
    TestIndexes.write(dir, TestIndexes.newsroom());
    engine = new LuceneEngine(new IndexLayout(dir, disk), Duration.ofMillis(100), SearchLimits.DEFAULTS, false);
    app = App.create(engine.search(), new WriteAccess(engine.store(), engine.preparer(), List.of(SAMPLE),
        Optional.of(KEY))).start("127.0.0.1", 0);
    logged.start();
    root().addAppender(logged);
  }

  @AfterEach
  void stop() throws Exception {
    root().detachAppender(logged);
    disk.heal();
    if (!stopped) {
      app.stop();
      engine.close();
    }
  }

  @Test
  void an_api_write_on_a_full_disk_is_a_507_changes_nothing_and_succeeds_once_space_is_freed() throws Exception {
    assertEquals(200, post("before", "Tide gauge before the disk filled").status());
    disk.fill(1);

    Reply full = post("during", "Tide gauge while the disk is full");
    assertEquals(507, full.status(), String.valueOf(full.body()));
    assertEquals("insufficient_storage", full.body().at("/error/code").asText());
    assertTrue(full.body().at("/error/message").asText().contains("disk is full"), full.body().toString());
    assertEquals(List.of("1 API write(s) not applied, the index stays at its last commit: the disk is full"),
        errors().stream().map(FaultyDiskTest::beforeDetail).toList(), "reported once, in plain words");
    assertServing();
    assertEquals(404, get("/api/articles/during").status(), "nothing of the failed write shows");
    assertEquals(200, get("/api/articles/before").status());

    disk.heal();
    assertEquals(200, post("during", "Tide gauge once space was freed").status());
    assertEquals("Tide gauge once space was freed", get("/api/articles/during").body().get("title").asText());
    assertEquals(Map.of("before", true, "during", true, "naval-1", true), onDiskAfterRestart("before", "during", "naval-1"));
  }

  @Test
  void random_io_errors_under_concurrent_writes_are_503s_and_after_a_power_cut_every_acknowledged_write_is_there()
      throws Exception {
    assertEquals(200, post("warm", "Tide gauge warm-up").status());
    disk.failRandomly(0.01);
    Map<String, Integer> answers = new ConcurrentHashMap<>();
    ExecutorService writers = Executors.newFixedThreadPool(3);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      int writer = w;
      done.add(writers.submit(() -> {
        // At least 12 writes each, and on until some failed and some did not: how many I/O
        // operations the writes take depends on how group commits gather them, so a run of 36
        // writes with no failure (1% of operations fail) happens, if rarely.
        for (int i = 0; i < 12 || (i < 200 && !(answers.containsValue(503) && answers.containsValue(200))); i++) {
          String id = "io-" + writer + "-" + i;
          Reply r = post(id, "Tide gauge reading " + id);
          answers.put(id, r.status());
          if (r.status() == 503) {
            assertEquals("index_write_failed", r.body().at("/error/code").asText(), r.body().toString());
            assertTrue(r.body().at("/error/message").asText().contains("I/O error"), r.body().toString());
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(2, TimeUnit.MINUTES);
    }
    writers.shutdown();
    assertServing();
    assertTrue(answers.values().stream().allMatch(s -> s == 200 || s == 503), "only 200 or 503: " + answers);
    assertTrue(answers.containsValue(503) && answers.containsValue(200), "some failed, some did not: " + answers);
    assertTrue(errors().stream().allMatch(e -> e.getFormattedMessage().contains("an I/O error (IOException: a random IOException")),
        "plain words: " + errors().stream().map(ILoggingEvent::getFormattedMessage).toList());

    disk.crash(); // the power goes: whatever was not fsynced is damaged or gone
    String[] ids = answers.keySet().toArray(String[]::new);
    Map<String, Boolean> found = onDiskAfterRestart(ids);
    for (String id : ids) {
      assertEquals(answers.get(id) == 200, found.get(id), id + " answered " + answers.get(id));
    }
  }

  @Test
  void a_rebuild_on_a_full_disk_fails_once_in_plain_words_and_the_published_index_keeps_answering() throws Exception {
    assertEquals(200, post("api-1", "Tide gauge written over the API").status());
    Path published = engine.layout().current().orElseThrow();
    disk.fill(20_000);

    JsonNode failed = rebuild();
    String error = failed.get("last_error").asText();
    assertTrue(error.startsWith("the rebuild failed: the disk is full (IOException: fake disk full")
        && error.endsWith("the previous index stays live: free space and rebuild again"), error);
    assertEquals(List.of(error), errors().stream().map(ILoggingEvent::getFormattedMessage).toList(), "reported once");
    assertEquals(Optional.of(published), engine.layout().current(), "nothing published");
    assertServing();
    assertEquals(200, get("/api/articles/api-1").status());

    disk.heal();
    JsonNode rebuilt = rebuild();
    assertTrue(rebuilt.get("last_error").isNull(), rebuilt.toString());
    assertNotEquals(Optional.of(published), engine.layout().current());
    assertEquals(200, get("/api/articles/api-1").status(), "API articles carried over");
    assertTrue(get("/api/search?q=&collapse=none").body().get("total").asInt() > 10, "the sample corpus is live");
  }

  @Test
  void a_rebuild_hitting_io_errors_is_not_published_and_the_next_one_is() throws Exception {
    Path published = engine.layout().current().orElseThrow();
    disk.failRandomly(1.0);
    String error = rebuild().get("last_error").asText();
    assertTrue(error.startsWith("the rebuild failed: an I/O error (IOException: a random IOException")
        && error.endsWith("the previous index stays live"), error);
    assertEquals(1, errors().size(), "reported once");
    assertEquals(Optional.of(published), engine.layout().current());
    assertServing();

    disk.heal();
    assertTrue(rebuild().get("last_error").isNull());
    assertNotEquals(Optional.of(published), engine.layout().current());
  }

  @Test
  void an_index_run_on_a_full_disk_commits_nothing_and_the_next_run_succeeds() throws Exception {
    long before = engine.search().count();
    disk.fill(1);
    Indexer indexer = engine.indexer(2);
    Indexer.Options options = new Indexer.Options(List.of(SAMPLE), false, false);
    IOException e = assertThrows(IOException.class, () -> indexer.run(options, IndexProgress.NONE));
    assertTrue(WriteFailure.diskFull(e), e.toString());
    assertTrue(WriteFailure.describe(e).startsWith("the disk is full (IOException: fake disk full"), WriteFailure.describe(e));
    assertEquals(List.of(), errors().stream().map(ILoggingEvent::getFormattedMessage).toList(),
        "reported by whoever ran it (the index command prints it), not logged on the way");
    assertEquals(before, engine.articleCount(), "nothing committed");
    assertServing();

    disk.heal();
    IndexSummary summary = indexer.run(options, IndexProgress.NONE);
    assertTrue(summary.articles() > 10, summary.toString());
    assertEquals(before + summary.articles(), engine.articleCount());
  }

  @Test
  void once_a_writer_failed_every_later_write_names_that_failure_not_a_closed_writer() throws Exception {
    disk.fill(4_000);
    try (var analyzers = new io.newssearch.analysis.LanguageAnalyzers();
        LuceneIndexTarget target = new LuceneIndexTarget(new IndexLayout(dir.resolve("other"), disk),
            new ArticleDocuments(analyzers), true, 16)) {
      IOException first = null;
      for (int i = 0; first == null && i < 10_000; i++) {
        try {
          target.upsert(TestIndexes.article("fill-" + i, "en", "2025-05-05", "Tide gauge reading " + i,
              "Harbour master Ann Lee said reading " + i + " at Kestrel Bay was within the usual range.", "Desk"));
        } catch (IOException e) {
          first = e;
        }
      }
      assertTrue(first != null && WriteFailure.diskFull(first), "the disk filled: " + first);
      // the failed flush closed the IndexWriter; what a later write (maybe on another thread) sees
      IOException later = assertThrows(IOException.class, () -> target.upsert(TestIndexes.article("after", "en",
          "2025-05-05", "Tide gauge after", "Harbour master Ann Lee said so.", "Desk")));
      assertTrue(later instanceof ArticleWriter.WriterStopped && WriteFailure.diskFull(later), later.toString());
      assertThrows(ArticleWriter.WriterStopped.class, () -> target.delete("fill-0"));
    }
  }

  // --- helpers

  Reply post(String id, String title) throws Exception {
    return TestHttp.send(app.port(), "POST", "/api/articles", TestHttp.article(id, title), KEY);
  }

  Reply get(String path) throws Exception {
    return TestHttp.send(app.port(), "GET", path, null, null);
  }

  /** Searches answer from the index as last published or committed. */
  void assertServing() throws Exception {
    Reply search = get("/api/search?q=naval+drill");
    assertEquals(200, search.status(), String.valueOf(search.body()));
    assertTrue(search.body().get("total").asInt() >= 1, search.body().toString());
  }

  /** Starts a rebuild over HTTP and waits for its status. */
  JsonNode rebuild() throws Exception {
    assertEquals(202, TestHttp.send(app.port(), "POST", "/api/reindex", null, KEY).status());
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      JsonNode status = TestHttp.send(app.port(), "GET", "/api/reindex", null, KEY).body();
      if (!status.get("running").asBoolean()) {
        return status;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the rebuild did not end");
  }

  /** Stops the server and reads the index from disk in a fresh engine: which ids are there. */
  Map<String, Boolean> onDiskAfterRestart(String... ids) throws Exception {
    stopped = true;
    app.stop();
    engine.close();
    try (LuceneEngine fresh = new LuceneEngine(dir)) {
      fresh.checkBeforeServing();
      Map<String, Boolean> found = new java.util.TreeMap<>();
      for (String id : ids) {
        found.put(id, fresh.search().article(id).isPresent());
      }
      return found;
    }
  }

  List<ILoggingEvent> errors() {
    return logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).toList();
  }

  static String beforeDetail(ILoggingEvent e) {
    String m = e.getFormattedMessage();
    return m.contains(" (") ? m.substring(0, m.indexOf(" (")) : m;
  }

  static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}

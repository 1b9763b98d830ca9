package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javalin.Javalin;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.index.IndexProgress;
import io.newssearch.index.IndexSummary;
import io.newssearch.index.Indexer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server on a free port over the sample corpus plus the page fixtures
 * ({@code src/test/resources/page/fixtures.jsonl}: a hostile article full of markup, an Arabic
 * one), and one headless browser; started once for every browser test class, closed when the
 * test run ends. Starts nothing when Chromium or chromedriver is missing.
 */
final class PageServer implements BeforeAllCallback {

  static final List<Path> CORPUS = List.of(Path.of("sample-corpus"), Path.of("src/test/resources/page"));

  /** What runs, for the tests to use; closed by JUnit at the end of the run. */
  record Running(Path dir, LuceneEngine engine, Javalin app, Browser browser, String base)
      implements AutoCloseable {
    @Override
    public void close() throws IOException {
      try {
        browser.close();
      } finally {
        app.stop();
        engine.close();
        try (var files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  private static Running running;

  static Running running() {
    return running;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!Browser.installed()) {
      return; // each test then skips itself with the reason, so the report lists them as skipped
    }
    running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(PageServer.class, k -> start(), Running.class);
  }

  private static Running start() {
    try {
      Path dir = Files.createTempDirectory("newssearch-page-index-");
      LuceneEngine engine = new LuceneEngine(dir);
      IndexSummary summary = engine.indexer().run(new Indexer.Options(CORPUS, false, true), IndexProgress.NONE);
      assertEquals(0, summary.rejected(), summary.rejections().toString());
      Javalin app = App.create(engine.search()).start("127.0.0.1", 0);
      String base = "http://127.0.0.1:" + app.port();
      return new Running(dir, engine, app, Browser.open(base), base);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the page test server", e);
    }
  }
}

package io.newssearch.backend;

import io.newssearch.Engine;
import io.newssearch.article.Article;
import io.newssearch.search.SearchService;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A contract over a fixture written in code: one fresh engine of the subclass's backend per test
 * class, holding exactly {@link #fixture()}, written through the API store (so nothing is added by
 * enrichment and what the tests expect is what the fixture says).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FixtureContract {

  Engine engine;
  SearchService search;

  abstract Backend backend();

  abstract List<Article> fixture() throws Exception;

  /** Whether the engine indexes article vectors ({@code --vectors}). */
  boolean vectors() {
    return false;
  }

  @BeforeAll
  void index() throws Exception {
    engine = backend().open(vectors());
    engine.store().upsert(fixture());
    search = engine.search();
  }

  @AfterAll
  void close() throws Exception {
    engine.close();
  }
}

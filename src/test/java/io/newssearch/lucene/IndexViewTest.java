package io.newssearch.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newssearch.TestIndexes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a view derives once: computed a single time, and a derivation may use another one. */
class IndexViewTest {

  @TempDir Path dir;

  /** Two keys of one hash land in one bin of the view's map: the case a nested build must survive. */
  private record Key(String name) {
    @Override
    public int hashCode() {
      return 42;
    }
  }

  @Test
  void a_derivation_may_use_another_and_each_is_computed_once() throws Exception {
    TestIndexes.write(dir, TestIndexes.newsroom());
    AtomicInteger inner = new AtomicInteger();
    try (IndexHandle handle = new IndexHandle(new IndexLayout(dir), Duration.ofHours(1))) {
      IndexView view = handle.acquire();
      try {
        for (int i = 0; i < 3; i++) {
          int articles = view.derived(new Key("outer"),
              v -> v.derived(new Key("inner"), w -> inner.incrementAndGet() * w.reader().numDocs()));
          assertEquals(view.reader().numDocs(), articles);
        }
        assertEquals(1, inner.get());
      } finally {
        handle.release(view);
      }
    }
  }
}

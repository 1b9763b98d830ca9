package io.newssearch.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.TestIndexes;
import io.newssearch.lucene.IndexHandle;
import io.newssearch.lucene.IndexLayout;
import io.newssearch.lucene.IndexView;
import io.newssearch.search.SuggestRequest;
import io.newssearch.search.SuggestResult.Suggestion;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Completions of a large view are built in the background: the first request answers none at once,
 * a new commit is not suggested at once (the previous completions answer meanwhile), then is,
 * without any request waiting for a build.
 * The size limit is lowered to 0 so the small test index counts as large.
 */
class CompletionsCacheTest {

  @TempDir Path dir;

  @Test
  void a_large_view_answers_from_the_previous_completions_until_the_new_ones_are_built() throws Exception {
    TestIndexes.write(dir, TestIndexes.newsroom());
    SuggestRequest lighthouse = new SuggestRequest("lighthouse", 8);
    try (IndexHandle handle = new IndexHandle(new IndexLayout(dir), Duration.ofHours(1))) {
      CompletionsCache cache = new CompletionsCache(0);
      // The first request answers at once, with nothing, and starts the first build.
      assertEquals(List.of(), lookup(handle, cache, new SuggestRequest("nav", 8)), "no completions yet");
      assertTrue(!waitForSuggestions(handle, cache, new SuggestRequest("nav", 8)).isEmpty(),
          "the first build suggests titles");
      assertEquals(List.of(), lookup(handle, cache, lighthouse), "no lighthouse in the first build");

      TestIndexes.write(dir, List.of(TestIndexes.article("lh-1", "en", "2025-08-01",
          "Lighthouse keeper retires after forty years", "The keeper retired on Friday.", "Valley Post", "Lighthouse")));
      handle.maybeRefresh();
      // The request that meets the new view starts the build and is answered from the previous set.
      assertEquals(List.of(), lookup(handle, cache, lighthouse), "answered at once, from the previous completions");
      List<Suggestion> found = waitForSuggestions(handle, cache, lighthouse);
      assertTrue(found.stream().anyMatch(s -> s.text().equals("Lighthouse keeper retires after forty years")),
          found.toString());

      cache.close();
      assertThrows(IOException.class, () -> lookup(handle, cache, lighthouse), "closed");
    }
  }

  /** Asks again until there are suggestions (the background build is done), for up to 30 s. */
  private static List<Suggestion> waitForSuggestions(IndexHandle handle, CompletionsCache cache, SuggestRequest r)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<Suggestion> found = lookup(handle, cache, r);
    while (found.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      found = lookup(handle, cache, r);
    }
    return found;
  }

  private static List<Suggestion> lookup(IndexHandle handle, CompletionsCache cache, SuggestRequest r)
      throws IOException {
    IndexView view = handle.acquire();
    try {
      return cache.lookup(view, r);
    } finally {
      handle.release(view);
    }
  }
}

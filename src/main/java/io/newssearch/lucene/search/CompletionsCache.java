package io.newssearch.lucene.search;

import io.newssearch.lucene.IndexView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link Completions} per index view, built on the first suggest request against that view
 * and closed when the view's reader closes (after a refresh or rebuild, once no request holds it).
 * A new commit therefore means one rebuild, lazily, and never a stale or half-built suggester.
 */
final class CompletionsCache {

  private static final Logger log = LoggerFactory.getLogger(CompletionsCache.class);

  private final Map<IndexReader.CacheKey, Completions> byReader = new ConcurrentHashMap<>();

  /** The completions of this view; the caller holds the view acquired while using them. */
  Completions forView(IndexView view) {
    IndexReader.CacheHelper helper = view.reader().getReaderCacheHelper();
    return byReader.computeIfAbsent(helper.getKey(), key -> {
      try {
        long start = System.nanoTime();
        Completions built = Completions.build(view.reader());
        helper.addClosedListener(this::evict);
        log.debug("built completions for {} in {} ms", view.generation().getFileName(),
            (System.nanoTime() - start) / 1_000_000);
        return built;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private void evict(IndexReader.CacheKey key) throws IOException {
    Completions gone = byReader.remove(key);
    if (gone != null) {
      gone.close();
    }
  }
}

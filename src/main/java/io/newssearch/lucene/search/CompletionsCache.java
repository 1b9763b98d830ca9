package io.newssearch.lucene.search;

import io.newssearch.lucene.IndexView;
import io.newssearch.search.SuggestRequest;
import io.newssearch.search.SuggestResult.Suggestion;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Completions} suggest requests use, one set at a time, following the index view.
 *
 * <p>A view of up to {@link #IN_PLACE_MAX_ARTICLES} articles gets its own completions on the first
 * suggest request against it (a new commit is suggested at once; building takes well under a
 * second at that size). A larger view keeps answering from the completions it has while new ones
 * are built for it in the background, one build at a time: reading every title of a million
 * articles takes tens of seconds, too long to make a request wait or to repeat on every commit.
 * Until a large view's first completions are built, suggest requests answer none rather than wait
 * (at 1M articles the first one waited ~30 s, and every other suggest request with it).
 * Completions are released when replaced and closed when the last lookup using them ends.
 */
final class CompletionsCache implements Closeable {

  /** Views up to this many articles rebuild their completions on the spot. */
  static final int IN_PLACE_MAX_ARTICLES = 200_000;

  private static final Logger log = LoggerFactory.getLogger(CompletionsCache.class);

  private final int inPlaceMaxArticles;
  private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "completions-build");
    t.setDaemon(true);
    return t;
  });
  private final Object lock = new Object();
  /** Guarded by lock. */
  private IndexReader.CacheKey currentKey;
  private Completions current;
  private boolean building;
  private boolean closed;

  CompletionsCache() {
    this(IN_PLACE_MAX_ARTICLES);
  }

  /** @param inPlaceMaxArticles views up to this size are built on the request (tests lower it) */
  CompletionsCache(int inPlaceMaxArticles) {
    this.inPlaceMaxArticles = inPlaceMaxArticles;
  }

  List<Suggestion> lookup(IndexView view, SuggestRequest r) throws IOException {
    Completions c = acquire(view);
    if (c == null) {
      return List.of(); // a large view's first completions are being built
    }
    try {
      return c.lookup(r);
    } finally {
      c.release();
    }
  }

  private Completions acquire(IndexView view) throws IOException {
    IndexReader.CacheKey key = view.reader().getReaderCacheHelper().getKey();
    synchronized (lock) {
      if (closed) {
        throw new IOException("the search service is closed");
      }
      if (current != null && key == currentKey) {
        return current.acquire();
      }
      if (view.reader().maxDoc() <= inPlaceMaxArticles) {
        replace(key, build(view.reader()));
        return current.acquire();
      }
      if (!building) {
        building = true;
        DirectoryReader reader = view.reader();
        reader.incRef(); // kept open for the build after the request releases the view
        background.execute(() -> buildInBackground(reader, key));
      }
      // the previous view's, until the new ones are ready; none before the first
      return current == null ? null : current.acquire();
    }
  }

  private void buildInBackground(DirectoryReader reader, IndexReader.CacheKey key) {
    try {
      Completions built = build(reader);
      synchronized (lock) {
        if (closed) {
          built.release();
        } else {
          replace(key, built);
        }
      }
    } catch (IOException | RuntimeException e) {
      log.warn("building completions failed; still answering from the previous ones", e);
    } finally {
      synchronized (lock) {
        building = false;
      }
      try {
        reader.decRef();
      } catch (IOException e) {
        log.warn("releasing the reader completions were built from", e);
      }
    }
  }

  private static Completions build(IndexReader reader) throws IOException {
    long start = System.nanoTime();
    Completions built = Completions.build(reader);
    log.debug("built completions over {} articles in {} ms", reader.numDocs(), (System.nanoTime() - start) / 1_000_000);
    return built;
  }

  /** Guarded by lock. */
  private void replace(IndexReader.CacheKey key, Completions built) throws IOException {
    Completions old = current;
    current = built;
    currentKey = key;
    if (old != null) {
      old.release();
    }
  }

  @Override
  public void close() throws IOException {
    background.shutdownNow();
    synchronized (lock) {
      closed = true;
      if (current != null) {
        current.release();
        current = null;
      }
    }
  }
}

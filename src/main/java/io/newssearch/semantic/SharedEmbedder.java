package io.newssearch.semantic;

import io.newssearch.index.Indexer;
import java.util.function.Supplier;

/**
 * The one embedder of an engine, made on first use: an engine whose index has no vectors never
 * loads ONNX Runtime. Indexing workers and searches share it; the engine closes it.
 */
public final class SharedEmbedder implements Supplier<Embedder>, AutoCloseable {

  private Embedder embedder;

  @Override
  public synchronized Embedder get() {
    if (embedder == null) {
      embedder = Embedders.miniLm(Indexer.DEFAULT_THREADS);
    }
    return embedder;
  }

  @Override
  public synchronized void close() {
    if (embedder != null) {
      embedder.close();
      embedder = null;
    }
  }
}

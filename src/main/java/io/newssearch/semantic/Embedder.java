package io.newssearch.semantic;

import java.io.Closeable;
import java.util.List;

/**
 * Turns texts into vectors of a fixed dimension, unit length, so that cosine similarity (a dot
 * product) says how close two texts are in meaning. Ours, so another model can replace the one we
 * ship without touching the index or the search.
 */
public interface Embedder extends Closeable {

  /**
   * One vector per text, in order. Implementations may spread the texts over several threads;
   * large lists are best given in batches of a few hundred so progress can be reported.
   */
  float[][] embed(List<String> texts);

  /** One text, the way a query is embedded. */
  default float[] embed(String text) {
    return embed(List.of(text))[0];
  }

  /** Length of every vector, known without loading the model. */
  int dimensions();

  /** Names the model (and its quantization), for logs and for telling indexes apart. */
  String modelName();

  /** Releases the model and its threads; further calls fail. */
  @Override
  void close();
}

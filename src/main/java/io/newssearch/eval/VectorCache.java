package io.newssearch.eval;

import io.newssearch.semantic.Embedder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Embeddings of an evaluation's texts kept on disk, named by a hash of the model and the texts, so
 * a second run (another fusion weight, another table) does not embed 20,000 articles again. A
 * changed text or model gives another name: a stale file is never read.
 */
public final class VectorCache {

  private static final int BATCH = 256;

  private final Path dir;

  /** @param dir where the files go ({@code target/eval/vectors}) */
  public VectorCache(Path dir) {
    this.dir = dir;
  }

  /** The vectors of {@code texts}, from disk when this model embedded these texts before. */
  public float[][] vectors(String name, List<String> texts, Embedder embedder) throws IOException {
    Path file = dir.resolve(name + "-" + hash(embedder.modelName(), texts) + ".f32");
    if (Files.exists(file)) {
      return read(file, texts.size(), embedder.dimensions());
    }
    float[][] out = new float[texts.size()][];
    long start = System.nanoTime();
    for (int from = 0; from < texts.size(); from += BATCH) {
      List<String> batch = texts.subList(from, Math.min(texts.size(), from + BATCH));
      System.arraycopy(embedder.embed(batch), 0, out, from, batch.size());
      System.err.printf("\rembedding %s: %d/%d", name, from + batch.size(), texts.size());
    }
    System.err.printf(" (%.1f texts/s)%n", texts.size() / ((System.nanoTime() - start) / 1e9));
    write(file, out);
    return out;
  }

  private static float[][] read(Path file, int n, int dims) throws IOException {
    float[][] out = new float[n][dims];
    try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
      for (float[] v : out) {
        for (int i = 0; i < dims; i++) {
          v[i] = in.readFloat();
        }
      }
    }
    return out;
  }

  private static void write(Path file, float[][] vectors) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream os = Files.newOutputStream(tmp);
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(os))) {
      for (float[] v : vectors) {
        for (float f : v) {
          out.writeFloat(f);
        }
      }
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static String hash(String model, List<String> texts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(model.getBytes(StandardCharsets.UTF_8));
      for (String t : texts) {
        md.update((byte) 0);
        md.update(t.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

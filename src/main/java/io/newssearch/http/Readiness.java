package io.newssearch.http;

import io.javalin.http.Context;
import io.newssearch.index.IndexProgress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the server can answer searches yet. {@code serve --corpus} listens at once and builds
 * the first index behind it: until then {@code GET /health} is a 503 with the indexing progress
 * (it is this class that the indexer reports to) and the API answers 503 {@code indexing} with
 * {@code Retry-After}, so a load balancer or orchestrator can tell "starting" from "dead"
 * ({@code GET /health/live} answers 200 throughout).
 */
public final class Readiness implements IndexProgress {

  /** Seconds a client is asked to wait before asking again while the index is built. */
  static final int RETRY_AFTER_SECONDS = 5;

  private volatile boolean ready;
  private final long startNanos = System.nanoTime();
  private volatile int filesTotal = -1;
  private volatile long bytesTotal = -1;
  private final AtomicInteger filesDone = new AtomicInteger();
  private final AtomicLong bytesDone = new AtomicLong();
  private volatile long articlesDone;

  private Readiness(boolean ready) {
    this.ready = ready;
  }

  /** An index that can be searched now. */
  public static Readiness ready() {
    return new Readiness(true);
  }

  /** The first index is still to be built; {@link #markReady()} once it is searchable. */
  public static Readiness indexing() {
    return new Readiness(false);
  }

  public boolean isReady() {
    return ready;
  }

  public void markReady() {
    ready = true;
  }

  @Override
  public void started(int files, long totalBytes) {
    filesTotal = files;
    bytesTotal = totalBytes;
  }

  @Override
  public void fileDone(long bytes, long articlesSoFar) {
    filesDone.incrementAndGet();
    bytesDone.addAndGet(bytes);
    articlesDone = articlesSoFar;
  }

  /** What {@code /health} shows while indexing; totals are null until the corpus has been listed. */
  Map<String, Object> progress() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("status", "indexing");
    p.put("files_done", filesDone.get());
    p.put("files_total", filesTotal < 0 ? null : filesTotal);
    p.put("articles_done", articlesDone);
    p.put("bytes_done", bytesDone.get());
    p.put("bytes_total", bytesTotal < 0 ? null : bytesTotal);
    p.put("elapsed_ms", (System.nanoTime() - startNanos) / 1_000_000);
    return p;
  }

  /** A before-handler for the API: 503 {@code indexing} until ready (preflights still answered). */
  void gate(Context ctx) {
    if (ready || ctx.method().name().equals("OPTIONS")) {
      return;
    }
    ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    String files = filesTotal < 0 ? "listing the corpus" : filesDone.get() + " of " + filesTotal + " files";
    throw new HttpError(503, "indexing", "the index is being built (" + files + ", " + articlesDone
        + " articles so far); retry in a few seconds");
  }
}

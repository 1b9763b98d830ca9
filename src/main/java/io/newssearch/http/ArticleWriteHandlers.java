package io.newssearch.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import io.newssearch.article.Article;
import io.newssearch.index.ArticleStore;
import io.newssearch.index.IndexBusyException;
import io.newssearch.index.WriteFailure;
import io.newssearch.ingest.ArticlePreparer;
import io.newssearch.ingest.JsonArticles;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/articles}, {@code DELETE /api/articles/{id}} and {@code POST /api/reindex}.
 * A batch is all or nothing: if any line is not a valid article, nothing is written and the
 * answer lists every bad line. The body's shape follows its {@code Content-Type} (JSON Lines, or
 * one JSON value); without one it is recognised from the text.
 */
final class ArticleWriteHandlers {

  /** Articles one request may write. */
  static final int MAX_BATCH = 10_000;
  /** One article or an array ({@code application/json}), or JSON Lines under the names in use for it. */
  static final List<String> ACCEPTED = List.of("application/json", "application/x-ndjson", "application/ndjson",
      "application/jsonl");

  private final WriteAccess access;
  private final AdminAuth auth;
  private final Metrics metrics;
  private final RequestBody body;

  ArticleWriteHandlers(WriteAccess access, Metrics metrics, RequestBody body) {
    this.access = access;
    this.body = body;
    this.auth = new AdminAuth(access.adminKey());
    this.metrics = metrics;
  }

  /** @param item the 1-based position in a JSON array, absent for JSON Lines */
  record LineError(int line, @JsonInclude(JsonInclude.Include.NON_NULL) Integer item, String message) {}

  private static void invalid(Context ctx, String code, String message, List<LineError> lines) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    error.put("lines", lines);
    ctx.status(400).json(Map.of("error", error));
  }

  record WriteResponse(int indexed, int updated, List<String> ids) {}

  void upsert(Context ctx) throws IOException {
    auth.require(ctx);
    String type = RequestBody.mediaType(ctx, ACCEPTED);
    String text = body.text(ctx);
    if (text.isBlank()) {
      throw new HttpError(400, "empty_body", "send one article as a JSON object, an array of them, or JSON Lines "
          + "(Content-Type: application/x-ndjson) for a batch");
    }
    JsonArticles.Shape shape = type == null ? JsonArticles.sniff(text)
        : type.equals("application/json") ? JsonArticles.Shape.JSON : JsonArticles.Shape.LINES;
    List<JsonArticles.Line> lines;
    try {
      lines = JsonArticles.read(text, shape);
    } catch (JsonArticles.Unreadable e) {
      LineError error = new LineError(e.line(), null, e.getMessage());
      invalid(ctx, "invalid_json", "the body is not valid JSON; nothing was written; line " + e.line() + ": "
          + e.getMessage(), List.of(error));
      return;
    }
    if (lines.isEmpty()) {
      throw new HttpError(400, "empty_body", "the body holds no article");
    }
    if (lines.size() > MAX_BATCH) {
      throw new HttpError(413, "batch_too_large", "at most " + MAX_BATCH + " articles per request, got " + lines.size());
    }
    List<Article> ready = new ArrayList<>();
    List<LineError> errors = new ArrayList<>();
    for (JsonArticles.Line line : lines) {
      if (line.problem() != null) {
        errors.add(new LineError(line.number(), line.item(), line.problem()));
        continue;
      }
      ArticlePreparer.Prepared p = access.preparer().prepare(line.article());
      if (p.ok()) {
        ready.add(p.article());
      } else {
        errors.add(new LineError(line.number(), line.item(), String.join("; ", p.problems())));
      }
    }
    if (!errors.isEmpty()) {
      LineError first = errors.get(0);
      invalid(ctx, "invalid_articles", errors.size() + " of " + lines.size() + " articles are invalid; nothing was "
          + "written; first: line " + first.line() + (first.item() == null ? "" : " (item " + first.item() + ")")
          + ": " + first.message(), errors);
      return;
    }
    long start = System.nanoTime();
    ArticleStore.WriteResult result = write(ctx, () -> access.store().upsert(ready));
    metrics.recordWrite("upsert", ready.size(), Duration.ofNanos(System.nanoTime() - start));
    ctx.json(new WriteResponse(result.indexed(), result.updated(), ready.stream().map(Article::id).toList()));
  }

  void delete(Context ctx) throws IOException {
    auth.require(ctx);
    String id = ctx.pathParam("id");
    long start = System.nanoTime();
    boolean existed = write(ctx, () -> access.store().delete(id));
    metrics.recordWrite("delete", existed ? 1 : 0, Duration.ofNanos(System.nanoTime() - start));
    if (!existed) {
      throw HttpError.notFound("no article with id '" + id + "'");
    }
    ctx.json(Map.of("deleted", true, "id", id));
  }

  void reindex(Context ctx) {
    auth.require(ctx);
    if (access.corpus().isEmpty()) {
      throw new HttpError(409, "no_corpus", "no corpus is configured: start the server with --corpus PATH");
    }
    if (!access.store().startRebuild(access.corpus())) {
      throw new HttpError(409, "rebuild_running", "a rebuild is already running since "
          + access.store().rebuildStatus().startedAt());
    }
    ctx.status(202).json(Map.of("status", "started", "corpus", access.corpus().stream().map(Object::toString).toList()));
  }

  void reindexStatus(Context ctx) {
    auth.require(ctx);
    ctx.json(access.store().rebuildStatus());
  }

  private interface Write<T> {
    T run() throws IOException;
  }

  /**
   * Runs a write; a write the index could not store changed nothing (the store rolls it back), and
   * says so: {@code 507} when the disk is full, {@code 503} for another I/O error. The store has
   * logged the failure once, with its cause; the answer names the problem without the server's
   * paths.
   */
  private static <T> T write(Context ctx, Write<T> w) {
    try {
      return w.run();
    } catch (IndexBusyException e) {
      throw new HttpError(503, "index_busy", e.getMessage());
    } catch (IOException e) {
      if (WriteFailure.diskFull(e)) {
        throw new HttpError(507, "insufficient_storage", "the index's disk is full: the write was not applied, and "
            + "searches keep answering from the index as it was; free space on the server and send it again");
      }
      ctx.header("Retry-After", "5");
      throw new HttpError(503, "index_write_failed", "the index could not be written (an I/O error on the server): "
          + "the write was not applied, and searches keep answering from the index as it was; retry later "
          + "(reference " + RequestId.of(ctx) + ")");
    }
  }
}

package io.newssearch.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.newssearch.search.BackendUnavailableException;
import io.newssearch.search.InvalidRequestException;
import io.newssearch.semantic.VectorsUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place exceptions become responses. Known problems get their status and a message naming
 * the problem; anything else is logged with a request id and answered with a generic 500 that
 * never echoes internals.
 */
final class ErrorMapper {

  private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  static void register(JavalinConfig config, ServerLimits limits) {
    config.routes.exception(InvalidRequestException.class,
        (e, ctx) -> respond(ctx, 400, e.code(), e.getMessage()));
    config.routes.exception(HttpError.class,
        (e, ctx) -> respond(ctx, e.status(), e.code(), e.getMessage()));
    config.routes.exception(HttpResponseException.class, (e, ctx) -> {
      switch (e.getStatus()) {
        case 413 -> { // Javalin cut off a body while reading it
          HttpError tooLarge = BodyLimit.tooLarge("more than the limit", limits.maxBodyBytes());
          respond(ctx, 413, tooLarge.code(), tooLarge.getMessage());
        }
        case 404 -> respond(ctx, 404, "not_found", "no such endpoint: " + ctx.method() + " " + ctx.path());
        case 405 -> { // a known path, another method (Routes asks Javalin for 405 over 404)
          String allow = String.join(", ", e.getDetails().values());
          ctx.header("Allow", allow);
          respond(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path()
              + "; allowed: " + allow);
        }
        default -> respond(ctx, e.getStatus(), "http_" + e.getStatus(), e.getMessage());
      }
    });
    config.routes.exception(BackendUnavailableException.class, (e, ctx) -> {
      String requestId = RequestId.of(ctx);
      log.error("request {} {} {}: backend unavailable", requestId, ctx.method(), ctx.path(), e);
      ctx.header("Retry-After", "5");
      respond(ctx, 503, "backend_unavailable", "the search backend did not answer; retry later (reference "
          + requestId + ")");
    });
    // An index with vectors on a machine where the embedding model cannot start (its jar missing,
    // ONNX Runtime without a native library for the platform): the operator's problem, said plainly.
    config.routes.exception(VectorsUnavailableException.class, (e, ctx) -> {
      log.error("request {} {} {}: vectors unavailable", RequestId.of(ctx), ctx.method(), ctx.path(), e);
      respond(ctx, 503, "vectors_unavailable", e.getMessage() + "; search with mode=lexical meanwhile");
    });
    config.routes.exception(Exception.class, (e, ctx) -> {
      String requestId = RequestId.of(ctx);
      log.error("request {} {} {} failed", requestId, ctx.method(), ctx.path(), e);
      respond(ctx, 500, "internal_error", "internal error; reference " + requestId);
    });
    config.routes.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        respond(ctx, 404, "not_found", "no such endpoint: " + ctx.method() + " " + ctx.path());
      }
    });
    config.routes.error(405, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        respond(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path());
      }
    });
  }

  /**
   * The error body. Messages are plain text, as every JSON string: they quote what the client sent
   * ("unknown value '<b>'") and whoever puts one into HTML escapes it there, as the search page
   * does by setting it as text.
   */
  static void respond(Context ctx, int status, String code, String message) {
    ctx.status(status).json(ApiError.of(code, message));
  }
}

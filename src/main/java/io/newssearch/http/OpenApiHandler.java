package io.newssearch.http;

import io.newssearch.search.Parameters;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * {@code GET /openapi.json}: the OpenAPI 3 description of every endpoint, kept as one resource file
 * ({@code src/main/resources/openapi.json}) beside the code; a test fails when it and the routes
 * declared in {@link App} disagree.
 */
final class OpenApiHandler implements Handler {

  static final String RESOURCE = "/openapi.json";

  private final byte[] document;

  OpenApiHandler() {
    try (InputStream in = OpenApiHandler.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void handle(Context ctx) {
    Parameters.of(ctx.queryParamMap(), Set.of());
    ctx.contentType("application/json").result(document);
  }
}

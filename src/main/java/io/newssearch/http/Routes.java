package io.newssearch.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Declares routes the way HTTP clients expect: every {@code GET} also answers {@code HEAD} (the
 * same handler; Jetty sends the status and headers without the body) and every path answers
 * {@code OPTIONS} with its {@code Allow} list (a CORS preflight, when enabled). A known path asked
 * with another method is a 405 with {@code Allow}, mapped in {@link ErrorMapper}.
 */
final class Routes {

  private final JavalinConfig config;
  private final Map<String, Set<HandlerType>> methods = new LinkedHashMap<>();

  Routes(JavalinConfig config) {
    this.config = config;
  }

  Routes get(String path, Handler handler) {
    add(HandlerType.GET, path, handler);
    return add(HandlerType.HEAD, path, handler);
  }

  Routes post(String path, Handler handler) {
    return add(HandlerType.POST, path, handler);
  }

  Routes delete(String path, Handler handler) {
    return add(HandlerType.DELETE, path, handler);
  }

  private Routes add(HandlerType method, String path, Handler handler) {
    config.routes.addHttpHandler(method, path, handler);
    methods.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(method);
    return this;
  }

  /** After the last route: {@code OPTIONS} on every path, and 405 rather than 404 for a wrong method. */
  void finish(Cors cors) {
    methods.forEach((path, declared) -> {
      String allow = allow(declared);
      config.routes.addHttpHandler(HandlerType.OPTIONS, path, ctx -> cors.options(ctx, allow));
    });
    config.http.prefer405over404 = true;
  }

  /** {@code GET, HEAD, POST, OPTIONS}: the declared methods and OPTIONS. */
  static String allow(Set<HandlerType> declared) {
    Set<String> names = new LinkedHashSet<>();
    declared.forEach(m -> names.add(m.name()));
    names.add(HandlerType.OPTIONS.name());
    return names.stream().collect(Collectors.joining(", "));
  }
}

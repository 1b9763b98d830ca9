package io.newssearch.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.newssearch.search.SearchService;
import org.eclipse.jetty.server.handler.GracefulHandler;

/** The HTTP API: every route and error mapping is declared here, handlers are small classes. */
public final class App {

  private App() {}

  /** With the default limits and metrics of its own. */
  public static Javalin create(SearchService search) {
    return create(search, ServerLimits.DEFAULTS, new Metrics());
  }

  public static Javalin create(SearchService search, ServerLimits limits, Metrics metrics) {
    ObjectMapper json = new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    metrics.bindIndex(search);
    return Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(json, false));
      config.startup.showJavalinBanner = false;
      jetty(config, limits);
      config.requestLogger.http(new AccessLog(metrics));
      config.routes.before(new BodyLimit(limits.maxBodyBytes()));
      config.routes.get("/health", new HealthHandler(search));
      config.routes.get("/api/search", new SearchHandler(search, metrics));
      config.routes.get("/api/articles/{id}", new ArticleHandler(search));
      config.routes.get("/api/articles/{id}/related", new RelatedHandler(search));
      config.routes.get("/api/suggest", new SuggestHandler(search));
      config.routes.get("/api/stats", new StatsHandler(search));
      config.routes.get("/metrics", new MetricsHandler(metrics));
      config.routes.get("/openapi.json", new OpenApiHandler());
      ErrorMapper.register(config, limits);
    });
  }

  /**
   * Jetty-level settings: the body and header caps, JSON for the errors Jetty answers itself, and a
   * graceful stop (stop accepting, let in-flight requests finish within the shutdown timeout).
   */
  private static void jetty(JavalinConfig config, ServerLimits limits) {
    config.http.maxRequestSize = limits.maxBodyBytes();
    config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(limits.maxHeaderBytes()));
    config.jetty.modifyServer(server -> {
      server.setErrorHandler(new JettyErrors());
      server.insertHandler(new GracefulHandler());
      server.setStopTimeout(limits.shutdownTimeout().toMillis());
    });
  }
}

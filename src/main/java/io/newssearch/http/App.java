package io.newssearch.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.newssearch.alerts.Alerts;
import io.newssearch.search.SearchService;
import org.eclipse.jetty.server.handler.GracefulHandler;

/** The HTTP API and the search page: every route and error mapping is declared here, handlers are small classes. */
public final class App {

  private App() {}

  /** The API with the default limits, metrics of its own, and write endpoints disabled (403). */
  public static Javalin create(SearchService search) {
    return create(search, WriteAccess.disabled());
  }

  /** With the default limits and metrics of its own. */
  public static Javalin create(SearchService search, WriteAccess writes) {
    return create(search, writes, ServerLimits.DEFAULTS, new Metrics());
  }

  /** Ready at once, CORS off. */
  public static Javalin create(SearchService search, WriteAccess writes, ServerLimits limits, Metrics metrics) {
    return create(search, writes, limits, metrics, Readiness.ready(), Cors.off(), null);
  }

  /** Ready at once, CORS off, with saved searches. */
  public static Javalin create(SearchService search, WriteAccess writes, ServerLimits limits, Metrics metrics,
      Alerts alerts) {
    return create(search, writes, limits, metrics, Readiness.ready(), Cors.off(), alerts);
  }

  /** Without saved searches. */
  public static Javalin create(SearchService search, WriteAccess writes, ServerLimits limits, Metrics metrics,
      Readiness readiness, Cors cors) {
    return create(search, writes, limits, metrics, readiness, cors, null);
  }

  /**
   * @param readiness until it is ready, {@code /health} and the API answer 503 (the first index is
   *     being built behind a server that already listens)
   * @param cors the origins whose pages may call the API
   * @param alerts saved searches and their feeds, or null for a server that keeps none
   */
  public static Javalin create(SearchService search, WriteAccess writes, ServerLimits limits, Metrics metrics,
      Readiness readiness, Cors cors, Alerts alerts) {
    RequestBody body = new RequestBody(limits.maxBodyBytes());
    AlertHandlers alert = new AlertHandlers(alerts, new AdminAuth(writes.adminKey()), body);
    FeedHandlers feeds = new FeedHandlers(search, alerts);
    metrics.bindAlerts(alerts);
    ReadHandlers read = new ReadHandlers(search);
    SearchHandler searches = new SearchHandler(search, metrics, body);
    ArticleWriteHandlers write = new ArticleWriteHandlers(writes, metrics, body);
    ObjectMapper json = Json.mapper();
    Pages pages = Pages.load();
    metrics.bindIndex(search);
    return Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(json, false));
      config.startup.showJavalinBanner = false;
      jetty(config, limits);
      config.requestLogger.http(new RequestMetrics(metrics));
      config.routes.before(new RequestId());
      config.routes.before(ResponseHeaders::common);
      config.routes.before(cors::handle);
      config.routes.before(new BodyLimit(limits.maxBodyBytes()));
      config.routes.before("/api/*", readiness::gate);
      new Routes(config)
          .get("/health", new HealthHandler(search, readiness))
          .get("/health/live", HealthHandler::live)
          .get("/api/search", searches::get)
          .post("/api/search", searches::post)
          .get("/api/articles/{id}", read::article)
          .get("/api/articles/{id}/related", read::related)
          .get("/api/stories/{id}", read::story)
          .get("/api/suggest", read::suggest)
          .get("/api/stats", read::stats)
          .post("/api/articles", write::upsert)
          .delete("/api/articles/{id}", write::delete)
          .post("/api/reindex", write::reindex)
          .get("/api/reindex", write::reindexStatus)
          .post("/api/alerts", alert::create)
          .get("/api/alerts", alert::list)
          .get("/api/alerts/{id}", alert::get)
          .delete("/api/alerts/{id}", alert::delete)
          .get("/api/alerts/{id}/matches", alert::matches)
          .get("/api/alerts/{id}/stream", alert::stream)
          .get("/feeds/search.atom", feeds::search) // before {token}.atom, which would take it
          .get("/feeds/{token}.atom", feeds::alert)
          .get("/metrics", new MetricsHandler(metrics))
          .get("/openapi.json", new OpenApiHandler())
          // The search page: HTML shells and their assets; the page itself calls the API above.
          .get("/", pages.searchPage())
          .get("/articles/{id}", pages.articlePage())
          .get("/assets/{name}", pages.assets())
          .finish(cors);
      config.events.serverStopping(alert::closeStreams);
      ErrorMapper.register(config, limits);
    });
  }

  /**
   * Jetty-level settings: the body and header caps, JSON for the errors Jetty answers itself, the
   * access log, and a graceful stop (stop accepting, let in-flight requests finish within the shutdown timeout).
   */
  private static void jetty(JavalinConfig config, ServerLimits limits) {
    limits.connections().applyTo(config); // threads, connections, idle and header timeouts
    config.http.maxRequestSize = limits.maxBodyBytes();
    config.jetty.modifyHttpConfiguration(http -> {
      http.setRequestHeaderSize(limits.maxHeaderBytes());
      // Jetty reuses header lines seen earlier on a connection, matching them case-insensitively by
      // default: "Bearer KEY" would then be read as an earlier "Bearer key". Keys are case-sensitive.
      http.setHeaderCacheCaseSensitive(true);
    });
    config.jetty.modifyServer(server -> {
      server.setErrorHandler(new JettyErrors());
      server.insertHandler(new GracefulHandler());
      server.setStopTimeout(limits.shutdownTimeout().toMillis());
      server.setRequestLog(new AccessLog());
    });
  }
}

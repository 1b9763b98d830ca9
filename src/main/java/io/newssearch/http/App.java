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

  public static Javalin create(SearchService search, WriteAccess writes, ServerLimits limits, Metrics metrics) {
    return create(search, writes, limits, metrics, null);
  }

  /** @param alerts saved searches and their feeds, or null for a server that keeps none */
  public static Javalin create(SearchService search, WriteAccess writes, ServerLimits limits, Metrics metrics,
      Alerts alerts) {
    AlertHandlers alert = new AlertHandlers(alerts, new AdminAuth(writes.adminKey()));
    FeedHandlers feeds = new FeedHandlers(search, alerts);
    metrics.bindAlerts(alerts);
    ReadHandlers read = new ReadHandlers(search);
    ArticleWriteHandlers write = new ArticleWriteHandlers(writes, metrics);
    ObjectMapper json = Json.mapper();
    Pages pages = Pages.load();
    metrics.bindIndex(search);
    return Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(json, false));
      config.startup.showJavalinBanner = false;
      jetty(config, limits);
      config.requestLogger.http(new AccessLog(metrics));
      config.routes.before(new BodyLimit(limits.maxBodyBytes()));
      config.routes.get("/health", new HealthHandler(search));
      config.routes.get("/api/search", new SearchHandler(search, metrics));
      config.routes.get("/api/articles/{id}", read::article);
      config.routes.get("/api/articles/{id}/related", read::related);
      config.routes.get("/api/stories/{id}", read::story);
      config.routes.get("/api/suggest", read::suggest);
      config.routes.get("/api/stats", read::stats);
      config.routes.post("/api/articles", write::upsert);
      config.routes.delete("/api/articles/{id}", write::delete);
      config.routes.post("/api/reindex", write::reindex);
      config.routes.get("/api/reindex", write::reindexStatus);
      config.routes.post("/api/alerts", alert::create);
      config.routes.get("/api/alerts", alert::list);
      config.routes.get("/api/alerts/{id}", alert::get);
      config.routes.delete("/api/alerts/{id}", alert::delete);
      config.routes.get("/api/alerts/{id}/matches", alert::matches);
      config.routes.get("/api/alerts/{id}/stream", alert::stream);
      config.routes.get("/feeds/search.atom", feeds::search); // before {token}.atom, which would take it
      config.routes.get("/feeds/{token}.atom", feeds::alert);
      config.routes.get("/metrics", new MetricsHandler(metrics));
      config.routes.get("/openapi.json", new OpenApiHandler());
      // The search page: HTML shells and their assets; the page itself calls the API above.
      config.routes.get("/", pages.searchPage());
      config.routes.get("/articles/{id}", pages.articlePage());
      config.routes.get("/assets/{name}", pages.assets());
      config.events.serverStopping(alert::closeStreams);
      ErrorMapper.register(config, limits);
    });
  }

  /**
   * Jetty-level settings: the body and header caps, JSON for the errors Jetty answers itself, and a
   * graceful stop (stop accepting, let in-flight requests finish within the shutdown timeout).
   */
  private static void jetty(JavalinConfig config, ServerLimits limits) {
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
    });
  }
}

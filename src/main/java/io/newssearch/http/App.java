package io.newssearch.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.newssearch.search.SearchService;

/** The HTTP API and the search page: every route and error mapping is declared here, handlers are small classes. */
public final class App {

  private App() {}

  /** The API with write endpoints disabled (they answer 403). */
  public static Javalin create(SearchService search) {
    return create(search, WriteAccess.disabled());
  }

  public static Javalin create(SearchService search, WriteAccess writes) {
    ArticleWriteHandlers write = new ArticleWriteHandlers(writes);
    ObjectMapper json = new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    Pages pages = Pages.load();
    return Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(json, false));
      config.startup.showJavalinBanner = false;
      config.routes.get("/health", new HealthHandler(search));
      config.routes.get("/api/search", new SearchHandler(search));
      config.routes.get("/api/articles/{id}", new ArticleHandler(search));
      config.routes.get("/api/articles/{id}/related", new RelatedHandler(search));
      config.routes.get("/api/suggest", new SuggestHandler(search));
      config.routes.get("/api/stats", new StatsHandler(search));
      config.routes.post("/api/articles", write::upsert);
      config.routes.delete("/api/articles/{id}", write::delete);
      config.routes.post("/api/reindex", write::reindex);
      config.routes.get("/api/reindex", write::reindexStatus);
      // The search page: HTML shells and their assets; the page itself calls the API above.
      config.routes.get("/", pages.searchPage());
      config.routes.get("/articles/{id}", pages.articlePage());
      config.routes.get("/assets/{name}", pages.assets());
      ErrorMapper.register(config);
    });
  }
}

package io.newssearch.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.newssearch.search.SearchService;
/** {@code GET /api/articles/{id}}: the whole stored article. */
final class ArticleHandler implements Handler {

  private final SearchService search;

  ArticleHandler(SearchService search) {
    this.search = search;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    String id = ctx.pathParam("id");
    ctx.json(search.article(id).orElseThrow(() -> HttpError.notFound("no article with id '" + id + "'")));
  }
}

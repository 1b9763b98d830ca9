package io.newssearch.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.newssearch.search.SearchService;

/** {@code GET /api/search}: ranked, highlighted, faceted hits. */
final class SearchHandler implements Handler {

  private final SearchService search;

  SearchHandler(SearchService search) {
    this.search = search;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    ctx.json(search.search(SearchParams.parse(ctx)));
  }
}

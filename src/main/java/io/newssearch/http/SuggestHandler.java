package io.newssearch.http;

import io.newssearch.search.Parameters;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.newssearch.search.SearchService;
import io.newssearch.search.SuggestRequest;
import java.util.Set;

/** {@code GET /api/suggest?q=&size=}: completions from titles and tags as the user types. */
final class SuggestHandler implements Handler {

  private final SearchService search;

  SuggestHandler(SearchService search) {
    this.search = search;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    Parameters params = Parameters.of(ctx.queryParamMap(), Set.of("q", "size"));
    SuggestRequest request = new SuggestRequest(params.text("q"),
        params.integer("size", SuggestRequest.DEFAULT_SIZE));
    ctx.json(search.suggest(request));
  }
}

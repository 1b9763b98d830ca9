package io.newssearch.http;

import io.newssearch.search.Parameters;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.newssearch.search.RelatedRequest;
import io.newssearch.search.SearchService;
import java.util.Set;

/** {@code GET /api/articles/{id}/related?size=}: articles like this one, in its language. */
final class RelatedHandler implements Handler {

  private final SearchService search;

  RelatedHandler(SearchService search) {
    this.search = search;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    Parameters params = Parameters.of(ctx.queryParamMap(), Set.of("size"));
    String id = ctx.pathParam("id");
    RelatedRequest request = new RelatedRequest(id, params.integer("size", RelatedRequest.DEFAULT_SIZE));
    ctx.json(search.related(request).orElseThrow(() -> HttpError.notFound("no article with id '" + id + "'")));
  }
}

package io.newssearch.http;

import io.newssearch.search.Parameters;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.newssearch.search.SearchService;
import java.util.Set;

/** {@code GET /api/stories/{id}}: every version of a story, oldest first. */
final class StoryHandler implements Handler {

  private final SearchService search;

  StoryHandler(SearchService search) {
    this.search = search;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    Parameters.of(ctx.queryParamMap(), Set.of()); // no parameters: any is a 400 naming it
    String id = ctx.pathParam("id");
    ctx.json(search.story(id).orElseThrow(() -> HttpError.notFound("no story with id '" + id + "'")));
  }
}

package io.newssearch.http;

import io.javalin.http.Context;
import io.newssearch.search.Parameters;
import io.newssearch.search.RelatedRequest;
import io.newssearch.search.SearchService;
import io.newssearch.search.SuggestRequest;
import java.io.IOException;
import java.util.Set;

/**
 * The read endpoints beside search, each a method of a few lines over the {@link SearchService}:
 * one article, its related articles, one story, completions, index statistics. Every one checks
 * its parameters, so an unknown one is a 400 naming it.
 */
final class ReadHandlers {

  private final SearchService search;

  ReadHandlers(SearchService search) {
    this.search = search;
  }

  /** {@code GET /api/articles/{id}}: the whole stored article. */
  void article(Context ctx) throws IOException {
    Parameters.of(ctx.queryParamMap(), Set.of());
    String id = ctx.pathParam("id");
    ctx.json(search.article(id).orElseThrow(() -> HttpError.notFound("no article with id '" + id + "'")));
  }

  /** {@code GET /api/articles/{id}/related?size=}: articles like this one, in its language. */
  void related(Context ctx) throws IOException {
    Parameters params = Parameters.of(ctx.queryParamMap(), Set.of("size"));
    String id = ctx.pathParam("id");
    RelatedRequest request = new RelatedRequest(id, params.integer("size", RelatedRequest.DEFAULT_SIZE));
    ctx.json(search.related(request).orElseThrow(() -> HttpError.notFound("no article with id '" + id + "'")));
  }

  /** {@code GET /api/stories/{id}}: every version of a story, oldest first. */
  void story(Context ctx) throws IOException {
    Parameters.of(ctx.queryParamMap(), Set.of());
    String id = ctx.pathParam("id");
    ctx.json(search.story(id).orElseThrow(() -> HttpError.notFound("no story with id '" + id + "'")));
  }

  /** {@code GET /api/suggest?q=&size=}: completions from titles and tags as the user types. */
  void suggest(Context ctx) throws IOException {
    Parameters params = Parameters.of(ctx.queryParamMap(), Set.of("q", "size"));
    ctx.json(search.suggest(new SuggestRequest(params.text("q"), params.integer("size", SuggestRequest.DEFAULT_SIZE))));
  }

  /** {@code GET /api/stats}: counts by language and source, date span, size and segments of the index. */
  void stats(Context ctx) throws IOException {
    Parameters.of(ctx.queryParamMap(), Set.of());
    ctx.json(search.stats());
  }
}

package io.newssearch.http;

import io.javalin.http.Context;
import io.newssearch.alerts.Alert;
import io.newssearch.alerts.AlertMatch;
import io.newssearch.alerts.Alerts;
import io.newssearch.alerts.AtomFeed;
import io.newssearch.search.SearchParameters;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SearchService;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Atom feeds, readable without the key so a feed reader can poll them: an alert's newest matches
 * ({@code /feeds/{token}.atom}, the token being the credential) and the newest articles of any
 * search ({@code /feeds/search.atom?<search parameters>}).
 */
final class FeedHandlers {

  /** Entries in a feed: what feed readers poll for, not an archive. */
  static final int ENTRIES = 50;

  private final SearchService search;
  private final Alerts alerts;

  FeedHandlers(SearchService search, Alerts alerts) {
    this.search = search;
    this.alerts = alerts;
  }

  void alert(Context ctx) throws IOException {
    String token = ctx.pathParam("token");
    Alert alert = alerts == null ? null : alerts.byToken(token).orElse(null);
    if (alert == null) {
      throw HttpError.notFound("no feed at this address");
    }
    List<AtomFeed.Entry> entries = new ArrayList<>();
    String base = AlertHandlers.baseUrl(ctx);
    for (AlertMatch m : alerts.matches(alert.id(), ENTRIES, Long.MAX_VALUE, null)) {
      entries.add(new AtomFeed.Entry(m.articleId(), m.title(), link(base, m.url(), m.articleId()), m.published(),
          m.matchedAt(), m.source(), List.of(), null));
    }
    atom(ctx, AtomFeed.write(AtomFeed.urn("alert", alert.id()), "newssearch: " + alert.name(),
        base + alert.feedPath(), null, entries));
  }

  /**
   * The search's newest articles: its parameters as {@code GET /api/search} reads them, sorted by
   * date and {@value #ENTRIES} at a time unless the query string says otherwise. A quoted phrase no
   * article holds yet leaves the feed empty rather than filled by its words: a feed follows what
   * was asked for as new articles arrive, and a feed reader shows no notice that it was relaxed.
   */
  void search(Context ctx) throws IOException {
    Map<String, List<String>> params = new LinkedHashMap<>(ctx.queryParamMap());
    params.putIfAbsent("sort", List.of("date"));
    params.putIfAbsent("size", List.of(Integer.toString(ENTRIES)));
    params.putIfAbsent("facets", List.of("none")); // a feed shows entries only
    SearchRequest request = SearchParameters.parse(params);
    SearchResult result = search.search(request);
    String base = AlertHandlers.baseUrl(ctx);
    List<AtomFeed.Entry> entries = new ArrayList<>();
    for (SearchResult.Hit h : result.relaxed() == null ? result.hits() : List.<SearchResult.Hit>of()) {
      String summary = h.highlight() == null || h.highlight().body() == null ? null
          : org.jsoup.parser.Parser.unescapeEntities(h.highlight().body().replaceAll("</?mark>", ""), false);
      entries.add(new AtomFeed.Entry(h.id(), h.title(), link(base, h.url(), h.id()), h.published(),
          h.published() == null ? java.time.Instant.EPOCH : h.published(), h.source(), h.tags(), summary));
    }
    String query = ctx.queryString() == null ? "" : ctx.queryString();
    String title = request.query().isBlank() ? "newssearch: newest articles" : "newssearch: " + request.query();
    atom(ctx, AtomFeed.write(AtomFeed.urn("search", query), title, base + "/feeds/search.atom"
        + (query.isEmpty() ? "" : "?" + query), base + "/" + (query.isEmpty() ? "" : "?" + query), entries));
  }

  private static String link(String base, String url, String id) {
    return url != null && !url.isBlank() ? url : base + "/articles/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  private static void atom(Context ctx, String xml) {
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(AtomFeed.CONTENT_TYPE).result(xml);
  }
}

package io.newssearch.http;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import io.newssearch.alerts.Alert;
import io.newssearch.alerts.AlertMatch;
import io.newssearch.alerts.Alerts;
import io.newssearch.search.InvalidRequestException;
import io.newssearch.search.Parameters;
import io.newssearch.search.SearchParameters;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code /api/alerts}: saved searches that fire on new articles. Every endpoint needs the admin
 * key: an alert holds its feed's token and its webhook, which are credentials of a kind.
 */
final class AlertHandlers {

  static final int DEFAULT_MATCHES = 20;
  static final int MAX_MATCHES = 100;
  /** A comment this often keeps proxies from closing an idle stream and finds clients that left. */
  static final long KEEP_ALIVE_SECONDS = 15;

  private final Alerts alerts;
  private final AdminAuth auth;
  private final RequestBody body;
  /** Open streams, closed when the server stops (a stream would otherwise hold the graceful stop to its timeout). */
  private final Set<SseClient> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "alert-streams");
    t.setDaemon(true);
    return t;
  });

  /**
   * @param alerts null when this server keeps no alerts: the endpoints then answer 404 saying so
   * @param body how every endpoint that takes a body reads it (media type, gzip, size limit)
   */
  AlertHandlers(Alerts alerts, AdminAuth auth, RequestBody body) {
    this.alerts = alerts;
    this.auth = auth;
    this.body = body;
  }

  void create(Context ctx) throws IOException {
    Alerts a = guarded(ctx);
    // The fields of a search's JSON body, read as POST /api/search reads them, plus name and webhook.
    RequestBody.mediaType(ctx, RequestBody.JSON_ONLY);
    Alert alert = a.add(SearchBody.parameters(body.text(ctx)));
    ctx.header("Location", "/api/alerts/" + alert.id());
    ctx.status(201).json(view(ctx, a, alert));
  }

  void list(Context ctx) throws IOException {
    Alerts a = guarded(ctx);
    Parameters.of(ctx.queryParamMap(), Set.of());
    List<Map<String, Object>> out = new ArrayList<>();
    for (Alert alert : a.list()) {
      out.add(view(ctx, a, alert));
    }
    ctx.json(Map.of("alerts", out));
  }

  void get(Context ctx) throws IOException {
    Alerts a = guarded(ctx);
    ctx.json(view(ctx, a, alert(a, ctx)));
  }

  void delete(Context ctx) throws IOException {
    Alerts a = guarded(ctx);
    String id = ctx.pathParam("id");
    if (!a.delete(id)) {
      throw HttpError.notFound("no alert with id '" + id + "'");
    }
    ctx.json(Map.of("deleted", true, "id", id));
  }

  /** Newest first; {@code cursor} is the previous page's {@code next_cursor}. */
  void matches(Context ctx) throws IOException {
    Alerts a = guarded(ctx);
    Alert alert = alert(a, ctx);
    Parameters p = Parameters.of(ctx.queryParamMap(), Set.of("size", "cursor", "since"));
    int size = p.integer("size", DEFAULT_MATCHES);
    if (size < 1 || size > MAX_MATCHES) {
      throw InvalidRequestException.parameter("size", "must be between 1 and " + MAX_MATCHES + ", got " + size);
    }
    long before = cursor(p.text("cursor", null));
    String since = p.text("since", null);
    Instant from = since == null ? null : SearchParameters.instant("since", since.strip(), false);
    List<AlertMatch> page = a.matches(alert.id(), size, before, from);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("alert", alert.id());
    out.put("total", a.status(alert).matches());
    out.put("matches", page);
    out.put("next_cursor", page.size() == size ? Long.toString(page.get(page.size() - 1).seq()) : null);
    ctx.json(out);
  }

  /**
   * Server-Sent Events: one {@code match} event per new match, its seq as the event id. A client
   * that reconnects with {@code Last-Event-ID} first gets what it missed (up to a page).
   */
  void stream(Context ctx) throws Exception {
    Alerts a = guarded(ctx);
    Alert alert = alert(a, ctx);
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw new HttpError(406, "not_acceptable", "this endpoint streams Server-Sent Events: send 'Accept: text/event-stream'");
    }
    if (ctx.method() == io.javalin.http.HandlerType.HEAD) {
      ctx.contentType("text/event-stream"); // what a GET would open, without holding a stream open
      return;
    }
    long missedAfter = lastEventId(ctx.header("Last-Event-ID"));
    new SseHandler(client -> serve(a, alert, client, missedAfter)).handle(ctx);
  }

  private void serve(Alerts a, Alert alert, SseClient client, long missedAfter) {
    try {
      if (missedAfter >= 0) {
        List<AlertMatch> missed = new ArrayList<>(a.matches(alert.id(), MAX_MATCHES, Long.MAX_VALUE, null));
        java.util.Collections.reverse(missed);
        for (AlertMatch m : missed) {
          if (m.seq() > missedAfter) {
            send(client, m);
          }
        }
      }
    } catch (IOException e) {
      client.close();
      return;
    }
    AutoCloseable subscription = a.subscribe(alert.id(), m -> send(client, m));
    var ping = keepAlive.scheduleAtFixedRate(() -> {
      synchronized (client) {
        if (!client.terminated()) {
          client.sendComment("keep-alive");
        }
      }
    }, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    open.add(client);
    client.onClose(() -> {
      open.remove(client);
      ping.cancel(false);
      try {
        subscription.close();
      } catch (Exception ignored) {
        // removing a listener from a set does not fail
      }
    });
    synchronized (client) {
      client.sendComment("alert " + alert.id());
    }
    client.keepAlive();
  }

  /** Ends every stream: the server is stopping. */
  void closeStreams() {
    for (SseClient client : open) {
      synchronized (client) {
        client.close();
      }
    }
    keepAlive.shutdownNow();
  }

  private static void send(SseClient client, AlertMatch m) {
    synchronized (client) {
      if (!client.terminated()) {
        client.sendEvent("match", m, Long.toString(m.seq()));
      }
    }
  }

  private Alerts guarded(Context ctx) {
    auth.require(ctx);
    if (alerts == null) {
      throw new HttpError(404, "alerts_disabled", "this server keeps no alerts (serve keeps them beside the index)");
    }
    return alerts;
  }

  private static Alert alert(Alerts a, Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    return a.get(id).orElseThrow(() -> HttpError.notFound("no alert with id '" + id + "'"));
  }

  private static long cursor(String text) {
    if (text == null) {
      return Long.MAX_VALUE;
    }
    try {
      long seq = Long.parseLong(text.strip());
      if (seq > 0) {
        return seq;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new InvalidRequestException("bad_cursor", "parameter 'cursor': '" + text + "' is not a next_cursor of this endpoint");
  }

  private static long lastEventId(String header) {
    try {
      return header == null ? -1 : Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return -1; // not one of ours: start from now
    }
  }

  /** The alert as the API shows it: its definition, feed URL and state. */
  static Map<String, Object> view(Context ctx, Alerts a, Alert alert) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", alert.id());
    out.put("name", alert.name());
    var request = alert.request();
    out.put("q", alert.first("q", ""));
    out.put("op", request.matchAll() ? "and" : "or");
    out.put("strict", request.strict());
    out.put("lang", request.languages());
    out.put("tag", request.tags());
    out.put("source", request.sources());
    out.put("person", request.persons());
    out.put("org", request.orgs());
    out.put("place", request.places());
    out.put("webhook", alert.webhook());
    out.put("feed_url", baseUrl(ctx) + alert.feedPath());
    out.put("created", alert.created());
    Alerts.Status status = a.status(alert);
    out.put("matches", status.matches());
    out.put("last_match", status.lastMatch());
    if (alert.webhook() != null) {
      out.put("webhook_state", status.webhook());
    }
    return out;
  }

  /** scheme://host[:port] as the client reached us, for links it can follow. */
  static String baseUrl(Context ctx) {
    return ctx.scheme() + "://" + ctx.host();
  }
}

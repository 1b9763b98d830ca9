package io.newssearch.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.Closeable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each match as JSON to its alert's webhook: a timeout per try, retries with doubling pauses,
 * at most {@link WebhookSettings#queue()} deliveries in hand (beyond that a match is dropped and
 * counted, so a dead receiver cannot fill the memory), redirects not followed (the allowed host is
 * the only one reached). Tries run on the HTTP client's threads and pauses on one scheduler, so
 * a slow receiver holds no indexing thread. The outcome per alert is in {@link #state}.
 */
final class WebhookSender implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /** What a delivery became, for metrics. */
  enum Outcome { DELIVERED, RETRIED, FAILED, DROPPED }

  private final WebhookSettings settings;
  private final java.util.function.Consumer<Outcome> meter;
  private final HttpClient http;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "webhooks");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger inHand = new AtomicInteger();
  private final Map<String, WebhookState> states = new ConcurrentHashMap<>();

  WebhookSender(WebhookSettings settings, java.util.function.Consumer<Outcome> meter) {
    this.settings = settings;
    this.meter = meter;
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Queues the match for its alert's webhook, or drops it when the queue is full. */
  void send(Alert alert, AlertMatch match) {
    if (inHand.incrementAndGet() > settings.queue()) {
      inHand.decrementAndGet();
      update(alert.id(), s -> new WebhookState(s.delivered(), s.failed(), s.dropped() + 1, s.pending(),
          s.lastDelivered(), Instant.now(), "queue full: more than " + settings.queue() + " deliveries waiting"));
      meter.accept(Outcome.DROPPED);
      return;
    }
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(Map.of("alert", Map.of("id", alert.id(), "name", alert.name()), "match", match));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e); // records always serialise
    }
    update(alert.id(), s -> withPending(s, 1));
    attempt(alert, body, 1);
  }

  private void attempt(Alert alert, byte[] body, int attempt) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(alert.webhook())).timeout(settings.timeout())
        .header("Content-Type", "application/json").header("User-Agent", "newssearch-alerts")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
      if (error == null && response.statusCode() / 100 == 2) {
        done(alert, null);
        return;
      }
      String why = error != null ? describe(error) : "HTTP " + response.statusCode();
      if (attempt < settings.attempts() && !scheduler.isShutdown()) {
        long pause = settings.firstBackoff().toMillis() << (attempt - 1);
        log.info("webhook of alert {} failed ({}), try {} of {} in {} ms", alert.id(), why, attempt + 1,
            settings.attempts(), pause);
        meter.accept(Outcome.RETRIED);
        update(alert.id(), s -> new WebhookState(s.delivered(), s.failed(), s.dropped(), s.pending(),
            s.lastDelivered(), Instant.now(), why + " (retrying)"));
        scheduler.schedule(() -> attempt(alert, body, attempt + 1), pause, TimeUnit.MILLISECONDS);
      } else {
        log.warn("webhook of alert {} failed after {} tries: {}", alert.id(), attempt, why);
        done(alert, why + " after " + attempt + " tries");
      }
    });
  }

  private void done(Alert alert, String error) {
    inHand.decrementAndGet();
    Instant now = Instant.now();
    meter.accept(error == null ? Outcome.DELIVERED : Outcome.FAILED);
    update(alert.id(), s -> error == null
        ? new WebhookState(s.delivered() + 1, s.failed(), s.dropped(), s.pending() - 1, now, s.lastFailure(), s.lastError())
        : new WebhookState(s.delivered(), s.failed() + 1, s.dropped(), s.pending() - 1, s.lastDelivered(), now, error));
  }

  private static WebhookState withPending(WebhookState s, int delta) {
    return new WebhookState(s.delivered(), s.failed(), s.dropped(), s.pending() + delta, s.lastDelivered(),
        s.lastFailure(), s.lastError());
  }

  private void update(String alertId, java.util.function.UnaryOperator<WebhookState> change) {
    states.compute(alertId, (k, s) -> change.apply(s == null ? WebhookState.NONE : s));
  }

  WebhookState state(String alertId) {
    return states.getOrDefault(alertId, WebhookState.NONE);
  }

  /** Deliveries in hand now (waiting, being tried or between tries). */
  int inHand() {
    return inHand.get();
  }

  private static String describe(Throwable e) {
    Throwable root = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    String kind = root instanceof java.net.http.HttpTimeoutException ? "timed out"
        : root instanceof java.net.ConnectException ? "connection refused" : root.getClass().getSimpleName();
    return root.getMessage() == null ? kind : kind + ": " + root.getMessage();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    http.close();
  }
}

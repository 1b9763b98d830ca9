package io.newssearch.alerts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.index.IndexListener;
import io.newssearch.search.QueryChecker;
import io.newssearch.search.SearchLimits;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saved searches, wired together: the store beside the index, the matcher the indexing pipeline
 * feeds through {@link #listener()}, and — in a server — the live events (streams, webhooks).
 * HTTP and the command line use this class only.
 */
public final class Alerts implements Closeable, MeterBinder {

  /** The alert store's folder inside an index folder: beside the generations, never replaced by a rebuild. */
  public static final String FOLDER = "alerts";
  private static final Logger log = LoggerFactory.getLogger(Alerts.class);

  /** What {@code GET /api/alerts/{id}} adds to the alert. */
  public record Status(long matches, Instant lastMatch, WebhookState webhook) {}

  private final AlertStore store;
  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private final AlertMatcher matcher = new AlertMatcher(analyzers);
  private final AlertDefinitions definitions;
  private final WebhookSender webhooks;
  private final MatchEvents events;
  private final Map<String, Alert> byId = new ConcurrentHashMap<>();
  /** Matching threads, one per core: articles are matched beside the writer (see {@link MatchingListener}). */
  private final ExecutorService matching = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
    Thread t = new Thread(r, "alert-matching");
    t.setDaemon(true);
    return t;
  });
  private volatile MeterRegistry meters = new SimpleMeterRegistry();
  private long loadedVersion = -1;

  private Alerts(Path dir, SearchLimits limits, WebhookSettings settings, boolean live) throws IOException {
    this.store = AlertStore.open(dir);
    this.definitions = new AlertDefinitions(new QueryChecker(limits), settings.policy());
    refresh();
    if (live) {
      this.webhooks = new WebhookSender(settings, outcome -> meters.counter("newssearch.alerts.webhook.deliveries",
          "outcome", outcome.name().toLowerCase(Locale.ROOT)).increment());
      this.events = new MatchEvents(store, byId::get, webhooks);
    } else {
      this.webhooks = null;
      this.events = null;
    }
  }

  /** For a server: matching, live streams and webhooks. */
  public static Alerts serving(Path dir, SearchLimits limits, WebhookSettings webhooks) throws IOException {
    return new Alerts(dir, limits, webhooks, true);
  }

  /**
   * For a command: matching and the store, no live events (a server on the same store hands this
   * process's matches to its streams and webhooks).
   */
  public static Alerts offline(Path dir) throws IOException {
    return offline(dir, WebhookPolicy.NONE);
  }

  /** As {@link #offline(Path)}, for a command that adds alerts with webhooks to these hosts. */
  public static Alerts offline(Path dir, WebhookPolicy webhooks) throws IOException {
    return new Alerts(dir, SearchLimits.DEFAULTS, WebhookSettings.allowing(webhooks), false);
  }

  /** Where an engine reports the articles it commits. */
  public IndexListener listener() {
    return new MatchingListener(store, matcher, matching, this::refreshQuietly, new MatchingListener.Recordings() {
      @Override
      public void started() {
        if (events != null) {
          events.recordingStarted();
        }
      }

      @Override
      public void ended(long matches) {
        meters.counter("newssearch.alerts.matches").increment(matches);
        if (events != null) {
          events.recordingEnded();
        }
      }
    });
  }

  /**
   * Validates and stores a new alert.
   *
   * @param given {@code name}, {@code webhook} and search parameters by name
   * @throws io.newssearch.search.InvalidRequestException naming the parameter at fault
   */
  public Alert add(Map<String, List<String>> given) throws IOException {
    return addAll(List.of(given)).get(0);
  }

  /** Many alerts at once (an import, a benchmark): each validated, then stored in one transaction. */
  public List<Alert> addAll(List<Map<String, List<String>>> given) throws IOException {
    List<Alert> made = new ArrayList<>(given.size());
    for (Map<String, List<String>> g : given) {
      made.add(definitions.create(g));
    }
    store.add(made);
    refresh();
    return made;
  }

  public boolean delete(String id) throws IOException {
    boolean existed = store.delete(id);
    refresh();
    return existed;
  }

  public List<Alert> list() throws IOException {
    return store.list();
  }

  public Optional<Alert> get(String id) throws IOException {
    return store.get(id);
  }

  public Optional<Alert> byToken(String token) throws IOException {
    return store.byToken(token);
  }

  public Status status(Alert a) throws IOException {
    List<AlertMatch> last = store.matches(a.id(), 1, Long.MAX_VALUE, null);
    return new Status(store.matchCount(a.id()), last.isEmpty() ? null : last.get(0).matchedAt(),
        webhooks == null ? WebhookState.NONE : webhooks.state(a.id()));
  }

  /** Newest first; {@code before} a seq from an earlier page, {@code since} null for all. */
  public List<AlertMatch> matches(String alertId, int size, long before, Instant since) throws IOException {
    return store.matches(alertId, size, before, since);
  }

  /** Each new match of the alert, until the handle is closed (a server only). */
  public AutoCloseable subscribe(String alertId, Consumer<AlertMatch> listener) {
    if (events == null) {
      throw new IllegalStateException("live events run in a server only");
    }
    return events.subscribe(alertId, listener);
  }

  /** Reloads the alerts when this or another process added or deleted one. */
  private synchronized void refresh() throws IOException {
    long version = store.version();
    if (version == loadedVersion) {
      return;
    }
    List<Alert> alerts = store.list();
    matcher.load(alerts);
    byId.clear();
    alerts.forEach(a -> byId.put(a.id(), a));
    loadedVersion = version;
  }

  /** Before each indexing batch: a store that cannot be read leaves the alerts as they were. */
  private void refreshQuietly() {
    try {
      refresh();
    } catch (IOException | RuntimeException e) {
      log.warn("cannot reload the alerts; matching with those loaded: {}", e.toString());
    }
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    meters = registry;
    Gauge.builder("newssearch.alerts", byId, Map::size).description("Saved searches (alerts)").register(registry);
    registry.counter("newssearch.alerts.matches");
    if (webhooks != null) {
      Gauge.builder("newssearch.alerts.webhook.pending", webhooks, WebhookSender::inHand)
          .description("Webhook deliveries waiting, being tried or between tries").register(registry);
    }
  }

  @Override
  public void close() throws IOException {
    // A commit's last step (lifting its matches' pending mark) may still be queued: let it run.
    matching.shutdown();
    try {
      if (!matching.awaitTermination(5, TimeUnit.SECONDS)) {
        matching.shutdownNow();
      }
    } catch (InterruptedException e) {
      matching.shutdownNow();
      Thread.currentThread().interrupt();
    }
    if (events != null) {
      events.close();
      webhooks.close();
    }
    try {
      store.close();
    } finally {
      analyzers.close();
    }
  }
}

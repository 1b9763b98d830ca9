package io.newssearch.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newssearch.search.SearchService;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.search.ReferenceManager;

/**
 * The server's Prometheus metrics ({@code GET /metrics}), one registry per server: HTTP requests
 * per route template and status, searches, the index (articles, size on disk, refresh time) and
 * the JVM. Meter names follow Micrometer's dotted style; Prometheus sees them with underscores and
 * unit suffixes ({@code http.server.requests} → {@code http_server_requests_seconds_*}).
 */
public final class Metrics implements Closeable {

  /** The route of a request that matched no endpoint, so stray paths do not become series. */
  static final String UNMATCHED = "unmatched";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private volatile boolean searched;

  public Metrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Gauges read from the index at scrape time: live articles and the live generation's bytes. */
  void bindIndex(SearchService search) {
    Gauge.builder("newssearch.index.articles", search, s -> orNaN(() -> s.count()))
        .description("Live articles in the index").register(registry);
    Gauge.builder("newssearch.index.size", search, s -> orNaN(() -> s.stats().sizeOnDiskBytes()))
        .description("Bytes of the live index generation on disk").baseUnit("bytes").register(registry);
  }

  /** Alerts, their matches and webhook deliveries ({@code newssearch_alerts*}); nothing when null. */
  void bindAlerts(io.micrometer.core.instrument.binder.MeterBinder alerts) {
    if (alerts != null) {
      alerts.bindTo(registry);
    }
  }

  /** Times each refresh of the index view; {@code changed} says whether it found something new. */
  public ReferenceManager.RefreshListener refreshListener() {
    return new ReferenceManager.RefreshListener() {
      // ReferenceManager runs one refresh at a time, so one start time is enough.
      private volatile long start;

      @Override
      public void beforeRefresh() {
        start = System.nanoTime();
      }

      @Override
      public void afterRefresh(boolean didRefresh) {
        Timer.builder("newssearch.index.refresh").description("Time to look for and open index changes")
            .tag("changed", Boolean.toString(didRefresh)).register(registry)
            .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      }
    };
  }

  void recordRequest(String method, String route, int status, Duration took) {
    Timer.builder("http.server.requests").description("HTTP requests by route template and status")
        .tags("method", method, "route", route, "status", Integer.toString(status))
        .publishPercentileHistogram().register(registry)
        .record(took);
  }

  void recordSearch(boolean timedOut, Duration took) {
    searched = true;
    Timer.builder("newssearch.searches").description("Searches answered, by whether they ran out of time")
        .tag("timed_out", Boolean.toString(timedOut))
        .publishPercentileHistogram().register(registry)
        .record(took);
  }

  /** Whether this server has answered a search: users have arrived. */
  public boolean anySearchAnswered() {
    return searched;
  }

  /** Times a durable write (upsert or delete, committed when it returns), by kind. */
  void recordWrite(String kind, int articles, Duration took) {
    Timer.builder("newssearch.writes").description("Committed API writes, by kind; each includes its commit")
        .tag("kind", kind).publishPercentileHistogram().register(registry).record(took);
    registry.counter("newssearch.written.articles", "kind", kind).increment(articles);
  }

  /** The Prometheus text exposition format. */
  String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }

  private interface IoSupplier {
    double get() throws IOException;
  }

  private static double orNaN(IoSupplier value) {
    try {
      return value.get();
    } catch (IOException | RuntimeException e) {
      return Double.NaN; // a closed or switching index: no value for this scrape
    }
  }
}

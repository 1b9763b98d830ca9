package io.newssearch.cli;

import io.javalin.Javalin;
import io.newssearch.Engine;
import io.newssearch.alerts.Alerts;
import io.newssearch.alerts.WebhookPolicy;
import io.newssearch.alerts.WebhookSettings;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.lucene.search.ResultCache;
import io.newssearch.http.App;
import io.newssearch.http.Cors;
import io.newssearch.http.Readiness;
import io.newssearch.http.WriteAccess;
import io.newssearch.http.Metrics;
import io.newssearch.http.ServerLimits;
import io.newssearch.index.IndexSummary;
import io.newssearch.index.Indexer;
import io.newssearch.search.SearchLimits;
import io.newssearch.search.SearchService;
import io.newssearch.search.SearchWarmup;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newssearch serve}: the HTTP API, indexing the corpus first if the index is empty. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the HTTP API and search page. Picks up index updates and rebuilds by itself.")
final class ServeCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin IndexOptions index;

  @Mixin ConnectionOptions connections;

  @Mixin VectorsOption vectors;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--corpus", paramLabel = "PATH", split = ",",
      description = "Corpus to index on start when the index is empty, and to rebuild from on POST /api/reindex.")
  List<Path> corpus = List.of();

  @Option(names = "--admin-key", paramLabel = "KEY",
      description = "Key that enables the write endpoints (Authorization: Bearer KEY); without one, writes are "
          + "disabled (default: none).")
  String adminKey;

  @Option(names = "--max-body-bytes", paramLabel = "BYTES",
      description = "Largest request body; larger is a 413 (default: " + ServerLimits.DEFAULT_MAX_BODY_BYTES + ").")
  long maxBodyBytes = ServerLimits.DEFAULT_MAX_BODY_BYTES;

  @Option(names = "--max-header-bytes", paramLabel = "BYTES",
      description = "Largest request line plus headers; a longer URI is a 414 (default: "
          + ServerLimits.DEFAULT_MAX_HEADER_BYTES + ").")
  int maxHeaderBytes = ServerLimits.DEFAULT_MAX_HEADER_BYTES;

  @Option(names = "--shutdown-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long a stop (SIGTERM) waits for requests in flight (default: 10s).")
  Duration shutdownTimeout = ServerLimits.DEFAULT_SHUTDOWN_TIMEOUT;

  @Option(names = "--max-query-chars", paramLabel = "N",
      description = "Longest q; longer is a 400 (default: " + SearchLimits.DEFAULT_MAX_QUERY_CHARS + ").")
  int maxQueryChars = SearchLimits.DEFAULT_MAX_QUERY_CHARS;

  @Option(names = "--max-clauses", paramLabel = "N",
      description = "Most clauses a query may parse into, a word counting once per field (default: "
          + SearchLimits.DEFAULT_MAX_CLAUSES + ").")
  int maxClauses = SearchLimits.DEFAULT_MAX_CLAUSES;

  @Option(names = "--max-expansions", paramLabel = "N",
      description = "Most index terms a wildcard, prefix, fuzzy or regex part may match (default: "
          + SearchLimits.DEFAULT_MAX_EXPANSIONS + ").")
  int maxExpansions = SearchLimits.DEFAULT_MAX_EXPANSIONS;

  @Option(names = "--time-budget", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Time a search may collect for before answering with what it has, timed_out=true (default: 2s).")
  Duration timeBudget = SearchLimits.DEFAULT_TIME_BUDGET;

  @Option(names = "--result-cache", paramLabel = "N",
      description = "Answers of recent searches kept per index view and given again without searching, as Solr's "
          + "queryResultCache; 0 keeps none, so every search is computed (embedded engine; default: "
          + ResultCache.DEFAULT_ENTRIES + ").")
  int resultCache = ResultCache.DEFAULT_ENTRIES;

  @Option(names = "--webhook-allow", paramLabel = "HOST[:PORT]", split = ",",
      description = "A host alert webhooks may be sent to (repeatable or comma-separated; HOST alone: any port). "
          + "Default: none, an alert with a webhook is refused.")
  List<String> webhookAllow = List.of();

  @Option(names = "--cors-origin", paramLabel = "ORIGIN", split = ",",
      description = "An origin whose pages may call the API from a browser (https://news.example.org; repeatable "
          + "or comma-separated; * for any). Default: none, CORS off.")
  List<String> corsOrigins = List.of();

  @Override
  public Integer call() throws Exception {
    ServerLimits serverLimits = serverLimits();
    SearchLimits searchLimits = searchLimits();
    if (resultCache < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--result-cache must be 0 or more, got " + resultCache);
    }
    if (port < 0 || port > 65_535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
    }
    Cors cors = cors();
    log.info("limits: {}; {}; CORS {}", serverLimits, searchLimits, corsOrigins.isEmpty() ? "off" : corsOrigins);
    index.checkCorpus(corpus);
    if (!corpus.isEmpty() || adminKey != null) {
      index.checkWritable();
    }
    Optional<String> key = Optional.ofNullable(adminKey).filter(k -> !k.isBlank()); // or NEWSSEARCH_ADMIN_KEY
    try (Engine engine = index.open(searchLimits, vectors.vectors);
        Metrics metrics = new Metrics();
        Alerts alerts = alertsOnceServable(engine, key, searchLimits)) {
      engine.listen(alerts.listener()); // before the first index run, so its articles are matched too
      boolean firstIndex = !corpus.isEmpty() && engine.articleCount() == 0;
      Readiness readiness = firstIndex ? Readiness.indexing() : Readiness.ready();
      log.info("write endpoints {}", key.isPresent() ? "enabled (admin key set)" : "disabled (no admin key)");
      if (engine instanceof LuceneEngine local) {
        local.keepingAnswers(resultCache);
        local.addRefreshListener(metrics.refreshListener()); // SolrCloud refreshes inside the cluster
      }
      SearchService search = engine.search();
      Javalin app = App.create(search, new WriteAccess(engine.store(), engine.preparer(), corpus, key),
          serverLimits, metrics, readiness, cors, alerts);
      CountDownLatch stopped = new CountDownLatch(1);
      // The JVM halts once its shutdown hooks return, so the hook does the whole shutdown itself.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        shutdown(app, engine, serverLimits.shutdownTimeout());
        stopped.countDown();
      }, "shutdown"));
      // Listen first: while the first index is built, /health says so (503 with progress) and
      // /health/live says the process is up, instead of a closed port that looks like a dead one.
      app.start(host, port);
      if (firstIndex) {
        log.info("listening on http://{}:{}/ while {} is indexed into {} (GET /health shows progress)",
            host, app.port(), corpus, engine.location());
        IndexSummary summary = engine.indexer().run(new Indexer.Options(corpus, false, false), readiness);
        SummaryPrinter.print(summary, System.out);
        awaitSearchable(engine, search);
        readiness.markReady();
      }
      log.info("newssearch serving {} articles from {} on http://{}:{}/", search.count(), engine.location(), host,
          app.port());
      SearchWarmup.start(search, metrics::anySearchAnswered); // the first users' searches find the path compiled
      stopped.await();
      return 0;
    }
  }

  /**
   * The alert store, opened once the index is known to be one this server can serve or fill: opened
   * first, it would create the folder of a mistyped --index that the check below refuses.
   */
  private Alerts alertsOnceServable(Engine engine, Optional<String> key, SearchLimits searchLimits) throws IOException {
    engine.checkBeforeServing(); // a corrupt index: fall back to the previous generation, or refuse
    if (corpus.isEmpty() && key.isEmpty()) {
      // Nothing could ever fill it: say so rather than serve empty answers from a mistyped --index.
      index.requireArticles(engine, ", or serve with --corpus PATH (indexed on start) or --admin-key KEY "
          + "(articles sent to POST /api/articles)");
    } else if (corpus.isEmpty() && engine.articleCount() == 0) {
      log.warn("the index at {} holds no articles: searches find nothing until some are written to "
          + "POST /api/articles", engine.location());
    }
    return Alerts.serving(index.alertsDir(), searchLimits, webhooks());
  }

  WebhookSettings webhooks() {
    try {
      return WebhookSettings.allowing(new WebhookPolicy(webhookAllow));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /**
   * The search service follows new commits by itself (twice a second): wait until it sees what
   * the first indexing run committed, so that "ready" never answers with an empty index.
   */
  private static void awaitSearchable(Engine engine, SearchService search) throws IOException, InterruptedException {
    long committed = engine.articleCount();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (search.count() < committed && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  Cors cors() {
    try {
      return corsOrigins.isEmpty() ? Cors.off() : Cors.allowing(corsOrigins);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--cors-origin: " + e.getMessage());
    }
  }

  ServerLimits serverLimits() {
    return new ServerLimits(maxBodyBytes, maxHeaderBytes, shutdownTimeout, connections.limits());
  }

  SearchLimits searchLimits() {
    return new SearchLimits(maxQueryChars, maxClauses, maxExpansions, timeBudget);
  }

  /**
   * In order: stop accepting and let requests in flight finish (up to the timeout), then close the
   * index (its refresh thread and readers). Pending writes are committed by whoever owns the
   * writer before the index closes.
   */
  static void shutdown(Javalin app, Engine engine, Duration timeout) {
    long start = System.nanoTime();
    log.info("shutting down: no new connections, waiting up to {} ms for requests in flight", timeout.toMillis());
    try {
      app.stop();
      log.info("HTTP server stopped after {} ms", (System.nanoTime() - start) / 1_000_000);
    } catch (RuntimeException e) {
      log.error("HTTP server did not stop cleanly", e);
    }
    try {
      engine.close();
      log.info("index closed; shutdown complete in {} ms", (System.nanoTime() - start) / 1_000_000);
    } catch (IOException | RuntimeException e) {
      log.error("closing the index failed", e);
    }
  }
}

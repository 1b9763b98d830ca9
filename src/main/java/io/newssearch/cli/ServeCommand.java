package io.newssearch.cli;

import io.javalin.Javalin;
import io.newssearch.LocalEngine;
import io.newssearch.http.App;
import io.newssearch.http.WriteAccess;
import io.newssearch.index.IndexSummary;
import io.newssearch.index.Indexer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newssearch serve}: the HTTP API, indexing the corpus first if the index is empty. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the HTTP API and search page. Picks up index updates and rebuilds by itself.")
final class ServeCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  @Mixin IndexOptions index;

  @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--corpus", paramLabel = "PATH", split = ",",
      description = "Corpus to index on start when the index is empty, and to rebuild from on POST /api/reindex.")
  List<Path> corpus = List.of();

  @Option(names = "--admin-key", paramLabel = "KEY",
      description = "Key that enables the write endpoints (Authorization: Bearer KEY). Default: the "
          + WriteAccess.KEY_ENV + " environment variable; without either, writes are disabled.")
  String adminKey;

  @Override
  public Integer call() throws Exception {
    try (LocalEngine engine = new LocalEngine(index.index)) {
      if (!corpus.isEmpty() && engine.articleCount() == 0) {
        log.info("index at {} is empty: indexing {}", engine.layout().root(), corpus);
        IndexSummary summary = engine.indexer().run(new Indexer.Options(corpus, false, false),
            new ConsoleProgress(false));
        SummaryPrinter.print(summary, System.out);
      }
      Optional<String> key = Optional.ofNullable(adminKey != null ? adminKey : System.getenv(WriteAccess.KEY_ENV))
          .filter(k -> !k.isBlank());
      log.info("write endpoints {}", key.isPresent() ? "enabled (admin key set)" : "disabled (no admin key)");
      Javalin app = App.create(engine.search(),
          new WriteAccess(engine.store(), engine.preparer(), corpus, key));
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        app.stop(); // stops accepting, lets in-flight requests finish
        stopped.countDown();
      }, "shutdown"));
      app.start(host, port);
      log.info("newssearch serving {} articles from {} on http://{}:{}/",
          engine.search().count(), engine.layout().root(), host, app.port());
      stopped.await();
      return 0;
    }
  }
}

package io.newssearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.javalin.Javalin;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.lucene.search.ResultCache;
import io.newssearch.TestIndexes;
import io.newssearch.http.App;
import io.newssearch.http.ServerLimits;
import io.newssearch.search.SearchLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.lucene.store.AlreadyClosedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class ServeCommandTest {

  @TempDir Path dir;

  private static ServeCommand parse(String... args) {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs(args);
    return serve;
  }

  @Test
  void without_flags_the_limits_are_the_defaults() {
    ServeCommand serve = parse();
    assertEquals(ServerLimits.DEFAULTS, serve.serverLimits());
    assertEquals(SearchLimits.DEFAULTS, serve.searchLimits());
  }

  @Test
  void every_limit_has_a_flag() {
    ServeCommand serve = parse("--max-body-bytes", "2048", "--max-header-bytes", "4096",
        "--shutdown-timeout", "3s", "--max-query-chars", "200", "--max-clauses", "16",
        "--max-expansions", "50", "--time-budget", "250ms");
    assertEquals(new ServerLimits(2048, 4096, Duration.ofSeconds(3)), serve.serverLimits());
    assertEquals(new SearchLimits(200, 16, 50, Duration.ofMillis(250)), serve.searchLimits());
    assertEquals(Duration.ofSeconds(2), parse("--time-budget", "PT2S").searchLimits().timeBudget());
    assertThrows(ParameterException.class, () -> parse("--time-budget", "soon"));
  }

  @Test
  void the_answers_kept_have_a_flag() {
    assertEquals(ResultCache.DEFAULT_ENTRIES, parse().resultCache);
    assertEquals(0, parse("--result-cache", "0").resultCache);
  }

  @Test
  void shutdown_stops_the_server_then_closes_the_index() throws Exception {
    TestIndexes.write(dir, TestIndexes.newsroom());
    LuceneEngine engine = new LuceneEngine(dir);
    Javalin app = App.create(engine.search()).start("127.0.0.1", 0);
    URI health = URI.create("http://127.0.0.1:" + app.port() + "/health");
    HttpClient http = HttpClient.newHttpClient();
    assertEquals(200, http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode());

    ServeCommand.shutdown(app, engine, Duration.ofSeconds(5));

    assertThrows(java.io.IOException.class,
        () -> http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()));
    assertThrows(AlreadyClosedException.class, () -> engine.search().count());
    engine.close(); // a second close, as when main and the shutdown hook both close: harmless
  }
}

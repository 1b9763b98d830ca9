package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.newssearch.TestHttp;
import io.newssearch.TestIndexes;
import io.newssearch.lucene.LuceneEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that misbehave, over real sockets against the real server: thousands of idle
 * connections, headers one byte a second, a reader that stops reading a large response, and an
 * address guessing the admin key.
 */
class HostileClientsTest {

  static final String KEY = "hostile-test-key";

  @TempDir Path dir;
  LuceneEngine engine;
  Javalin app;

  Javalin start(ConnectionLimits connections) throws Exception {
    TestIndexes.write(dir, TestIndexes.newsroom());
    engine = new LuceneEngine(dir, Duration.ofMillis(100));
    ServerLimits limits = new ServerLimits(ServerLimits.DEFAULT_MAX_BODY_BYTES, ServerLimits.DEFAULT_MAX_HEADER_BYTES,
        Duration.ofSeconds(10), connections); // a stop on a loaded machine may take more than a second
    app = App.create(engine.search(), new WriteAccess(engine.store(), engine.preparer(), List.of(), Optional.of(KEY)),
        limits, new Metrics()).start("127.0.0.1", 0);
    return app;
  }

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      app.stop();
    }
    if (engine != null) {
      engine.close();
    }
  }

  static ConnectionLimits limits(int maxThreads, Duration idle, Duration header) {
    return new ConnectionLimits(maxThreads, ConnectionLimits.DEFAULT_ACCEPT_QUEUE, ConnectionLimits.DEFAULT_MAX_CONNECTIONS,
        idle, ConnectionLimits.DEFAULT_IDLE_TIMEOUT_AT_LIMIT, header);
  }

  /** A well-behaved client's search, timed. */
  long searchMillis() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/search?q=naval+drill"))
            .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("naval-1"), r.body());
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void two_thousand_idle_connections_do_not_stop_other_clients_being_served() throws Exception {
    start(ConnectionLimits.DEFAULTS);
    long alone = searchMillis(); // warm: the first search loads analyzers and JIT-compiles
    List<Socket> idle = new ArrayList<>();
    try {
      long t0 = System.nanoTime();
      for (int i = 0; i < 2000; i++) {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", app.port()), 5000);
        idle.add(s);
      }
      if (idle.size() % 2 == 0) {
        // half of them start a request and never finish it: still no thread held
        for (int i = 0; i < idle.size(); i += 2) {
          idle.get(i).getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        }
      }
      System.out.printf("2,000 connections opened in %d ms; a search alone took %d ms%n",
          (System.nanoTime() - t0) / 1_000_000, alone);
      for (int i = 0; i < 5; i++) {
        long ms = searchMillis();
        System.out.printf("search %d beside them: %d ms%n", i, ms);
        assertTrue(ms < 5000, "a search took " + ms + " ms beside 2,000 idle connections");
      }
    } finally {
      for (Socket s : idle) {
        s.close();
      }
    }
  }

  @Test
  void a_client_sending_headers_one_byte_a_second_is_cut_off() throws Exception {
    // The idle timeout alone would never fire: a byte arrives every 500 ms.
    start(limits(ConnectionLimits.DEFAULT_MAX_THREADS, Duration.ofSeconds(30), Duration.ofSeconds(2)));
    byte[] head = ("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slowloris\r\nX-Padding: "
        + "a".repeat(200) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    try (Socket s = new Socket("127.0.0.1", app.port())) {
      s.setSoTimeout(100);
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      long start = System.nanoTime();
      int sent = 0;
      boolean closed = false;
      while (!closed && sent < head.length && System.nanoTime() - start < Duration.ofSeconds(20).toNanos()) {
        try {
          out.write(head[sent++]);
          out.flush();
        } catch (IOException e) {
          closed = true; // the server reset the connection
          break;
        }
        long until = System.nanoTime() + 500_000_000L;
        while (!closed && System.nanoTime() < until) {
          try {
            closed = in.read() < 0;
          } catch (java.net.SocketTimeoutException e) {
            // nothing yet
          } catch (IOException e) {
            closed = true;
          }
        }
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(closed, "still connected after sending " + sent + " bytes in " + ms + " ms");
      assertTrue(sent < head.length, "the whole head got through");
      assertTrue(ms >= 1900 && ms < 5000, "cut off after " + ms + " ms; the header deadline is 2 s");
    }
    assertTrue(searchMillis() < 5000);
  }

  @Test
  void a_client_that_stops_reading_a_large_response_does_not_hold_a_worker() throws Exception {
    // 12 request threads (Jetty's acceptor and selectors among them) and a 1 s idle timeout
    start(limits(12, Duration.ofSeconds(1), ConnectionLimits.DEFAULT_HEADER_TIMEOUT));
    // about 6 MB of JSON: more than the kernel's socket buffers (4 MB send, 4 KB receive) hold
    String body = "新闻".repeat(900_000);
    String json = "{\"id\":\"big\",\"title\":\"大新闻\",\"language\":\"zh\",\"date\":\"2025-05-05\",\"body\":\"" + body + "\"}";
    assertEquals(200, TestHttp.send(app.port(), "POST", "/api/articles", json, KEY).status());

    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) { // more than there are threads
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress("127.0.0.1", app.port()));
        s.getOutputStream().write("GET /api/articles/big HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        stalled.add(s); // and never read
      }
      Thread.sleep(1500);
      long ms = searchMillis();
      assertTrue(ms < 8000, "a search waited " + ms + " ms behind readers that stopped reading");
      // The stalled responses were abandoned by the server: the connection ends before its 6 MB.
      // A request still queued for a thread when its reader resumes is served in full, rightly,
      // so on a loaded machine some may get everything; without the idle timeout all would.
      int abandoned = 0;
      for (Socket s : stalled) {
        s.setSoTimeout(10_000);
        long read = 0;
        InputStream in = s.getInputStream();
        byte[] buf = new byte[65536];
        try {
          for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            read += n;
          }
        } catch (IOException e) {
          // reset by the server: also abandoned
        }
        if (read < json.getBytes(StandardCharsets.UTF_8).length) {
          abandoned++;
        }
      }
      assertTrue(abandoned >= stalled.size() / 2, "only " + abandoned + " of " + stalled.size()
          + " stalled readers were cut off; the others got the whole response");
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
    }
  }

  @Test
  void wrong_admin_keys_from_one_address_are_slowed_without_affecting_other_addresses() throws Exception {
    start(ConnectionLimits.DEFAULTS);
    HttpClient guesser = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.1")).build();
    HttpClient other = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
    for (int i = 0; i < KeyAttempts.FREE_FAILURES + 1; i++) {
      assertEquals(401, write(guesser, "guess-" + i).statusCode());
    }
    HttpResponse<String> slowed = write(guesser, "guess-again");
    assertEquals(429, slowed.statusCode(), slowed.body());
    assertTrue(slowed.body().contains("\"too_many_attempts\""), slowed.body());
    long retryAfter = Long.parseLong(slowed.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);
    assertEquals(429, write(guesser, KEY).statusCode(), "while locked out, even the right key waits");

    assertEquals(200, write(other, KEY).statusCode(), "another address is not slowed");
    assertEquals(401, write(other, "typo").statusCode(), "nor are its own first mistakes");

    Thread.sleep(retryAfter * 1000 + 200);
    assertEquals(200, write(guesser, KEY).statusCode(), "after Retry-After the right key works");
    assertEquals(401, write(guesser, "guess-after").statusCode(), "and clears the count");
  }

  HttpResponse<String> write(HttpClient client, String key) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/articles"))
        .header("Authorization", "Bearer " + key)
        .POST(HttpRequest.BodyPublishers.ofString(TestHttp.article("k1", "Tide record"))).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

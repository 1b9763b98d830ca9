package io.newssearch.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newssearch.TestProcesses;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged API writes survive {@code kill -9}: the real server in its own JVM, several writers
 * upserting (one article or a batch), deleting and sending batches that must be refused, a rebuild
 * from the corpus started at a random moment (it carries the API's writes over), the process
 * killed at a random moment (every other round: soon after the rebuild is published, while the
 * writes move to the new generation), restarted on the same index, every article read back; for
 * several rounds.
 *
 * <p>Each article id belongs to one writer, so its writes are ordered, and the model knows, per id,
 * the content of its last acknowledged (2xx) write, or that it is absent. A write whose answer never
 * came (the process died under it) may or may not have happened: either outcome is accepted, and
 * what the restarted server shows becomes the known state. Anything else is a lost (or phantom)
 * write. Refused writes (a batch with an invalid line: 400, nothing written) use ids no accepted
 * write ever names, and also carry new content for known ids, so a refused write that leaked shows.
 *
 * <p>Rounds: {@code -Dcrash.rounds=5} (default), seed {@code -Dcrash.seed=N} (printed otherwise);
 * a longer run: {@code bin/test -Dtest=CrashRecoveryTest -Dcrash.rounds=50}.
 */
class CrashRecoveryTest {

  static final String KEY = "crash-test-admin-key";
  static final int WRITERS = 4;
  static final int IDS_PER_WRITER = 12;
  static final ObjectMapper JSON = new ObjectMapper();
  static final String WARM_UP = "warm-up";

  @TempDir Path tmp;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Per id: the title of its last acknowledged write, or empty when absent. Written by its owner only. */
  final Map<String, Optional<String>> known = new HashMap<>();
  /** Per id: what a write whose answer never came would have left (empty: deleted). */
  final Map<String, Optional<String>> unknown = new HashMap<>();
  /** Ids only ever sent in refused writes. */
  final List<String> refusedIds = new ArrayList<>();
  long acknowledged;
  long refused;
  long unanswered;
  int rebuildsPublished;

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void every_acknowledged_write_survives_kill_9_and_no_refused_write_appears() throws Exception {
    int rounds = Integer.getInteger("crash.rounds", 5);
    long seed = Long.getLong("crash.seed", System.nanoTime());
    System.out.println("CrashRecoveryTest: " + rounds + " rounds, -Dcrash.seed=" + seed);
    Random random = new Random(seed);
    Path index = tmp.resolve("index");
    for (int w = 0; w < WRITERS; w++) {
      for (int i = 0; i < IDS_PER_WRITER; i++) {
        known.put(id(w, i), Optional.empty());
      }
    }
    known.put(WARM_UP, Optional.empty());
    int lost = 0;
    for (int round = 1; round <= rounds + 1; round++) {
      Server server = Server.start(index, tmp.resolve("serve-" + round + ".log"), http);
      try {
        lost += verify(server, round);
        if (round > rounds) {
          break; // the last start only reads back what the last round wrote
        }
        warmUp(server, round);
        long killAfter = 500 + random.nextInt(4_500);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        AtomicBoolean dead = new AtomicBoolean();
        List<Future<Tally>> tallies = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
          long writerSeed = random.nextLong();
          int writer = w;
          int thisRound = round;
          tallies.add(writers.submit(() -> write(server, writer, new Random(writerSeed), thisRound, dead)));
        }
        long writing = System.nanoTime();
        // a rebuild from the corpus at a random moment: the writes it carries over must survive too
        long rebuildAfter = random.nextInt((int) killAfter / 2 + 1); // early enough that some are published
        Thread.sleep(rebuildAfter);
        int rebuild = server.send("POST", "/api/reindex", null).status();
        assertEquals(202, rebuild, "the rebuild starts");
        if (round % 2 == 0) {
          // every other round is killed soon after the rebuild is published, while the writes move to it
          server.awaitRebuild();
          Thread.sleep(random.nextInt(1_000));
        } else {
          Thread.sleep(killAfter - rebuildAfter);
        }
        long killedAt = (System.nanoTime() - writing) / 1_000_000;
        server.kill();
        dead.set(true);
        writers.shutdown();
        assertTrue(writers.awaitTermination(2, TimeUnit.MINUTES), "writers end once the server is gone");
        Tally roundTally = new Tally();
        for (Future<Tally> f : tallies) {
          roundTally.add(f.get());
        }
        boolean published = Files.readString(server.log()).contains("rebuild carried over"); // logged once published
        rebuildsPublished += published ? 1 : 0;
        acknowledged += roundTally.acknowledged;
        refused += roundTally.refused;
        unanswered += roundTally.unanswered;
        System.out.printf("round %d: rebuild at %d ms (%s), killed at %d ms; %d writes acknowledged, %d refused,"
            + " %d unanswered%n", round, rebuildAfter, published ? "published" : "killed half-way", killedAt,
            roundTally.acknowledged, roundTally.refused, roundTally.unanswered);
      } finally {
        server.kill();
      }
    }
    System.out.printf("CrashRecoveryTest: %d rounds (%d rebuilds published before the kill), %d writes acknowledged,"
        + " %d refused, %d unanswered, %d lost%n", rounds, rebuildsPublished, acknowledged, refused, unanswered, lost);
    assertEquals(0, lost, "acknowledged writes lost or refused writes visible (seed " + seed + ")");
    assertTrue(acknowledged >= rounds * 5L, "the rounds wrote something: " + acknowledged);
  }

  /**
   * One acknowledged write before the writers start: a fresh JVM's first write loads the language
   * models and compiles the write path, seconds in which the kill would find nothing in flight.
   */
  void warmUp(Server server, int round) throws Exception {
    String title = "Warm-up of round " + round;
    Outcome o = server.send("POST", "/api/articles", article(WARM_UP, title));
    assertEquals(200, o.status(), String.valueOf(o.body()));
    known.put(WARM_UP, Optional.of(title));
    acknowledged++;
  }

  /** Reads every id back and compares it with the model; returns the number of mismatches. */
  int verify(Server server, int round) throws Exception {
    int lost = 0;
    for (var e : known.entrySet()) {
      String id = e.getKey();
      Optional<String> seen = server.title(id);
      Optional<String> possible = unknown.remove(id);
      if (seen.equals(e.getValue()) || (possible != null && seen.equals(possible))) {
        e.setValue(seen);
      } else {
        lost++;
        System.out.printf("after round %d: %s shows %s, acknowledged %s%s%n", round - 1, id, seen, e.getValue(),
            possible == null ? "" : " (or unanswered " + possible + ")");
        e.setValue(seen); // counted once; later rounds go on from what is there
      }
    }
    for (String id : refusedIds) {
      Optional<String> seen = server.title(id);
      if (seen.isPresent()) {
        lost++;
        System.out.printf("after round %d: refused %s shows %s%n", round - 1, id, seen.get());
      }
    }
    return lost;
  }

  record Outcome(int status, JsonNode body) {}

  static final class Tally {
    long acknowledged;
    long refused;
    long unanswered;

    void add(Tally t) {
      acknowledged += t.acknowledged;
      refused += t.refused;
      unanswered += t.unanswered;
    }
  }

  /** One writer: random writes on its own ids until the server dies under it. */
  Tally write(Server server, int writer, Random random, int round, AtomicBoolean dead) {
    Tally tally = new Tally();
    for (int op = 0; !dead.get(); op++) {
      String tag = "r" + round + "-" + op;
      int kind = random.nextInt(100);
      Map<String, Optional<String>> effect = new HashMap<>();
      String method;
      String path;
      String body;
      if (kind < 55) { // one article
        String id = id(writer, random.nextInt(IDS_PER_WRITER));
        String title = "Tide record " + tag + " for " + id;
        effect.put(id, Optional.of(title));
        method = "POST";
        path = "/api/articles";
        body = article(id, title);
      } else if (kind < 70) { // a batch of two or three
        StringBuilder lines = new StringBuilder();
        for (int n = 2 + random.nextInt(2); effect.size() < n; ) {
          String id = id(writer, random.nextInt(IDS_PER_WRITER));
          String title = "Harbour batch " + tag + " for " + id;
          if (effect.putIfAbsent(id, Optional.of(title)) == null) {
            lines.append(article(id, title)).append('\n');
          }
        }
        method = "POST";
        path = "/api/articles";
        body = lines.toString();
      } else if (kind < 85) {
        String id = id(writer, random.nextInt(IDS_PER_WRITER));
        effect.put(id, Optional.empty());
        method = "DELETE";
        path = "/api/articles/" + id;
        body = null;
      } else { // refused: a new id and a new version of a known one, next to an invalid line
        String fresh = "refused-w" + writer + "-" + tag;
        synchronized (refusedIds) {
          refusedIds.add(fresh);
        }
        String id = id(writer, random.nextInt(IDS_PER_WRITER));
        method = "POST";
        path = "/api/articles";
        body = article(fresh, "Refused " + tag) + "\n" + article(id, "Refused update " + tag) + "\n{\"id\":\"no-text-" + tag + "\"}\n";
      }
      Outcome outcome;
      try {
        outcome = server.send(method, path, body);
      } catch (IOException | InterruptedException e) {
        if (!effect.isEmpty()) {
          tally.unanswered++;
          synchronized (known) {
            unknown.putAll(effect);
          }
        }
        break; // the server is gone: what this write did is read back after the restart
      }
      boolean deleteOfAbsent = method.equals("DELETE") && outcome.status() == 404;
      if (outcome.status() / 100 == 2 || deleteOfAbsent) {
        tally.acknowledged++;
        synchronized (known) {
          known.putAll(effect);
        }
      } else if (outcome.status() == 400 && effect.isEmpty()) {
        tally.refused++;
      } else {
        // a write that failed without the process dying must have changed nothing
        throw new AssertionError(method + " " + path + " answered " + outcome.status() + " " + outcome.body());
      }
    }
    return tally;
  }

  static String id(int writer, int i) {
    return "w" + writer + "-" + i;
  }

  static String article(String id, String title) {
    return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"language\":\"en\",\"date\":\"2025-05-05\","
        + "\"body\":\"Harbour master Ann Lee said the Kestrel Bay tide gauge recorded a new high water mark.\"}";
  }

  /** {@code newssearch serve} in a child JVM. */
  record Server(Process process, int port, Path log, HttpClient http) {

    static Server start(Path index, Path log, HttpClient http) throws Exception {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      Process p = TestProcesses.newssearch(log, "serve", "--index", index.toString(), "--port",
          Integer.toString(port), "--admin-key", KEY, "--corpus", "sample-corpus");
      Server server = new Server(p, port, log, http);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (System.nanoTime() < deadline && p.isAlive()) {
        try {
          if (server.send("GET", "/health", null).status() == 200) {
            return server;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(50);
      }
      p.destroyForcibly().waitFor();
      throw new AssertionError("the server did not become ready:\n" + Files.readString(log));
    }

    /** Waits (at most 2 minutes) until no rebuild runs. */
    void awaitRebuild() throws Exception {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      JsonNode status;
      while ((status = send("GET", "/api/reindex", null).body()).get("running").asBoolean()) {
        assertTrue(System.nanoTime() < deadline, "the rebuild did not end");
        Thread.sleep(50);
      }
      assertTrue(status.get("last_error").isNull(), status.toString());
    }

    /** SIGKILL: no shutdown hook, no flush, no commit on close. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }

    Outcome send(String method, String path, String body) throws IOException, InterruptedException {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(60))
          .header("Authorization", "Bearer " + KEY)
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Outcome(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
    }

    /** The article's title, or empty when the server has no article with this id. */
    Optional<String> title(String id) throws Exception {
      Outcome o = send("GET", "/api/articles/" + id, null);
      if (o.status() == 404) {
        return Optional.empty();
      }
      assertEquals(200, o.status(), id + ": " + o.body());
      return Optional.of(o.body().get("title").asText());
    }
  }
}

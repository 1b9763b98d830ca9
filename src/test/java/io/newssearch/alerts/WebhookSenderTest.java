package io.newssearch.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Webhook delivery against a local receiver that never answers in time: each try times out, is
 * retried, and ends as a failure saying so; beyond the queue's bound a match is dropped and counted,
 * and nothing stays in hand.
 */
class WebhookSenderTest {

  @Test
  void a_receiver_that_hangs_times_out_each_try_and_a_full_queue_drops() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger tries = new AtomicInteger();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    receiver.createContext("/slow", exchange -> {
      tries.incrementAndGet();
      try {
        release.await(10, TimeUnit.SECONDS); // far beyond the sender's timeout
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    Map<WebhookSender.Outcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    WebhookSettings settings = new WebhookSettings(new WebhookPolicy(List.of("127.0.0.1")), Duration.ofMillis(300), 2,
        Duration.ofMillis(50), 2);
    Alert alert = new Alert("al-1", "Slow", Map.of(), "http://127.0.0.1:" + receiver.getAddress().getPort() + "/slow",
        "token", Instant.now());
    try (WebhookSender sender = new WebhookSender(settings,
        o -> outcomes.computeIfAbsent(o, k -> new AtomicInteger()).incrementAndGet())) {
      for (int i = 0; i < 4; i++) {
        sender.send(alert, new AlertMatch(i + 1, "al-1", "a-" + i, "T", null, null, "en", null, Instant.now()));
      }
      assertEquals(2, sender.state("al-1").dropped(), "the queue holds 2");
      assertEquals(2, sender.inHand());
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (sender.state("al-1").failed() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      WebhookState state = sender.state("al-1");
      assertEquals(2, state.failed(), state.toString());
      assertEquals(0, state.delivered());
      assertEquals(0, state.pending());
      assertEquals(0, sender.inHand(), "nothing left in hand");
      assertTrue(state.lastError().contains("timed out") && state.lastError().contains("after 2 tries"), state.lastError());
      assertEquals(4, tries.get(), "2 matches × 2 tries reached the receiver");
      assertEquals(2, outcomes.get(WebhookSender.Outcome.RETRIED).get());
      assertEquals(2, outcomes.get(WebhookSender.Outcome.DROPPED).get());
      assertEquals(2, outcomes.get(WebhookSender.Outcome.FAILED).get());
    } finally {
      release.countDown();
      receiver.stop(0);
    }
  }
}

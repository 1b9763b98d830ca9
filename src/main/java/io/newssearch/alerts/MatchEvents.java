package io.newssearch.alerts;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each newly recorded match to whoever waits for it: the live streams of its alert and its
 * webhook. It reads the store for matches past the last one it handed out, when this process
 * records some and every {@link #POLL} in any case, so matches an {@code index} run in another
 * process records reach the server's streams and webhooks too. It starts from the newest match
 * at start-up: what was recorded while no server ran is in the lists and feeds, not pushed.
 *
 * <p>A batch of this process records its matches beside the index's commit, and undoes them if the
 * commit fails ({@link MatchingListener}): while one is recording, nothing is handed out, and a
 * read that a recording began during is read again, so a stream or webhook never gets a match
 * whose article was not committed. Another process's recording (an {@code index} run) is marked
 * pending in the store until its commit ends, and {@link AlertStore#matchesAfter} holds it back
 * until then.
 */
final class MatchEvents implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(MatchEvents.class);
  static final Duration POLL = Duration.ofMillis(250);
  private static final int PAGE = 1_000;

  private final AlertStore store;
  private final Function<String, Alert> alerts;
  private final WebhookSender webhooks;
  private final Map<String, Set<Consumer<AlertMatch>>> listeners = new ConcurrentHashMap<>();
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "alert-events");
    t.setDaemon(true);
    return t;
  });
  private long last;
  /** Recordings of this process running (a rebuild's and the API writes' may overlap). */
  private final AtomicInteger recording = new AtomicInteger();
  /**
   * Counted up as each recording starts and ends: a poll hands out what it read only if none ran
   * as it began and none started or ended during the read.
   */
  private final AtomicLong changes = new AtomicLong();

  /** @param alerts an alert by id, null when it no longer exists */
  MatchEvents(AlertStore store, Function<String, Alert> alerts, WebhookSender webhooks) throws IOException {
    this.store = store;
    this.alerts = alerts;
    this.webhooks = webhooks;
    this.last = store.lastSeq();
    poller.scheduleWithFixedDelay(this::poll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A batch of this process starts recording matches its commit may still undo: they wait. */
  void recordingStarted() {
    recording.incrementAndGet();
    changes.incrementAndGet();
  }

  /** The recording's batch was committed, or the recording undone: looks now rather than at the next tick. */
  void recordingEnded() {
    changes.incrementAndGet(); // before it stops counting as running: a poll between the two sees a change
    recording.decrementAndGet();
    poller.execute(this::poll);
  }

  /** Calls {@code listener} with each new match of the alert until the returned handle is closed. */
  AutoCloseable subscribe(String alertId, Consumer<AlertMatch> listener) {
    listeners.computeIfAbsent(alertId, k -> new CopyOnWriteArraySet<>()).add(listener);
    return () -> listeners.getOrDefault(alertId, Set.of()).remove(listener);
  }

  private void poll() {
    try {
      List<AlertMatch> fresh;
      do {
        long before = changes.get();
        if (recording.get() > 0) {
          return; // its end polls again
        }
        fresh = store.matchesAfter(last, PAGE);
        if (changes.get() != before) {
          return; // a recording began (or ended) during the read: what it read may be undone
        }
        for (AlertMatch m : fresh) {
          hand(m);
          last = m.seq();
        }
      } while (fresh.size() == PAGE);
    } catch (IOException | RuntimeException e) {
      log.warn("reading new alert matches failed; trying again in {} ms: {}", POLL.toMillis(), e.toString());
    }
  }

  private void hand(AlertMatch m) {
    for (Consumer<AlertMatch> l : listeners.getOrDefault(m.alertId(), Set.of())) {
      try {
        l.accept(m);
      } catch (RuntimeException e) {
        log.debug("a stream of alert {} failed; it is dropped", m.alertId(), e);
      }
    }
    Alert alert = alerts.apply(m.alertId());
    if (alert != null && alert.webhook() != null) {
      webhooks.send(alert, m);
    }
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}

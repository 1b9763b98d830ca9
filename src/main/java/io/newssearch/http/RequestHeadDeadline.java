package io.newssearch.http;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request line and headers take longer than a deadline to arrive (what
 * Apache's {@code RequestReadTimeout header=} does; Jetty has no such setting). The idle timeout
 * does not catch a client that sends its headers one byte a second: every byte resets it, and a
 * few hundred such clients could otherwise hold their connections forever.
 *
 * <p>Four times a second it looks at each connection's HTTP parser: one that has left its start
 * state but not reached the body is receiving a request head, and is closed once it has been doing
 * so for longer than the deadline. The request count tells one request on a keep-alive connection
 * from the next. Reading another thread's parser state without a lock is a heuristic, which is
 * all this needs: a head is never cut short before the deadline, at worst a quarter second after.
 */
final class RequestHeadDeadline extends AbstractLifeCycle {

  private static final Logger log = LoggerFactory.getLogger(RequestHeadDeadline.class);
  private static final long SCAN_MS = 250;

  private final Server server;
  private final long deadlineNanos;
  private final Map<EndPoint, Head> receiving = new ConcurrentHashMap<>();
  private ScheduledExecutorService scanner;

  /** A request head being received: which request of the connection, and since when. */
  private record Head(long request, long since) {}

  RequestHeadDeadline(Server server, Duration deadline) {
    this.server = server;
    this.deadlineNanos = deadline.toNanos();
  }

  @Override
  protected void doStart() {
    scanner = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "http-header-deadline");
      t.setDaemon(true);
      return t;
    });
    scanner.scheduleWithFixedDelay(this::scan, SCAN_MS, SCAN_MS, TimeUnit.MILLISECONDS);
  }

  @Override
  protected void doStop() {
    scanner.shutdownNow();
    receiving.clear();
  }

  private void scan() {
    try {
      long now = System.nanoTime();
      Set<EndPoint> seen = new HashSet<>();
      for (Connector connector : server.getConnectors()) {
        for (EndPoint endPoint : connector.getConnectedEndPoints()) {
          if (!(endPoint.getConnection() instanceof HttpConnection http)) {
            continue;
          }
          HttpParser parser = http.getParser();
          if (parser.isStart() || !parser.inHeaderState()) {
            continue; // idle between requests (the idle timeout's job), or past the head
          }
          seen.add(endPoint);
          long request = http.getMessagesIn();
          Head head = receiving.compute(endPoint,
              (e, old) -> old != null && old.request() == request ? old : new Head(request, now));
          if (now - head.since() > deadlineNanos) {
            log.debug("closing a connection from {}: its request head took over {} ms", endPoint.getRemoteSocketAddress(),
                deadlineNanos / 1_000_000);
            endPoint.close();
          }
        }
      }
      receiving.keySet().retainAll(seen);
    } catch (RuntimeException e) {
      log.warn("request head deadline scan failed", e); // the next scan tries again
    }
  }
}

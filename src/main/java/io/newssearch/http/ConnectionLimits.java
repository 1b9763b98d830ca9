package io.newssearch.http;

import io.javalin.config.JavalinConfig;
import java.time.Duration;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * What connections and threads the server keeps, set deliberately rather than left to Jetty's and
 * Javalin's defaults, so that slow or idle clients cannot take it over.
 *
 * <p>Idle connections cost a socket and a little memory, no thread (Jetty's selectors watch them),
 * so thousands are harmless; threads are taken only while a request is being handled.
 *
 * @param maxThreads request-handling threads (Jetty's pool, its selectors and acceptor included).
 *     Searches are CPU-bound, but a write waits on the disk (fsync) and a response to a slow reader
 *     waits on the network, so there are many more threads than cores
 * @param acceptQueue connections the kernel queues before the server accepts them (the listen
 *     backlog; Linux caps it at {@code net.core.somaxconn})
 * @param maxConnections connections open at once; at the limit the server stops accepting (new
 *     clients wait in the accept queue) and the idle timeout of open connections drops to
 *     {@code idleTimeoutAtLimit}, so idle ones make room quickly
 * @param idleTimeout a connection with no bytes moving either way for this long is closed: an idle
 *     keep-alive connection, a client that stopped sending a request, and a client that stopped
 *     reading a response (the thread writing it is released then)
 * @param headerTimeout the longest a request line and headers may take to arrive, however steadily:
 *     a client sending one byte a second never trips the idle timeout ({@link RequestHeadDeadline})
 */
public record ConnectionLimits(int maxThreads, int acceptQueue, int maxConnections, Duration idleTimeout,
    Duration idleTimeoutAtLimit, Duration headerTimeout) {

  public static final int DEFAULT_MAX_THREADS = 200;
  public static final int DEFAULT_ACCEPT_QUEUE = 1024;
  public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_IDLE_TIMEOUT_AT_LIMIT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
  /** Jetty's acceptor and selector threads come out of the pool: fewer than this leaves none for requests. */
  static final int MIN_THREADS = 8;

  public static final ConnectionLimits DEFAULTS = new ConnectionLimits(DEFAULT_MAX_THREADS, DEFAULT_ACCEPT_QUEUE,
      DEFAULT_MAX_CONNECTIONS, DEFAULT_IDLE_TIMEOUT, DEFAULT_IDLE_TIMEOUT_AT_LIMIT, DEFAULT_HEADER_TIMEOUT);

  public ConnectionLimits {
    if (maxThreads < MIN_THREADS || acceptQueue < 1 || maxConnections < 1) {
      throw new IllegalArgumentException("threads must be " + MIN_THREADS + " or more, accept queue and connections 1 "
          + "or more, got " + maxThreads + ", " + acceptQueue + " and " + maxConnections);
    }
    for (Duration d : new Duration[] {idleTimeout, idleTimeoutAtLimit, headerTimeout}) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("timeouts must be positive, got " + d);
      }
    }
  }

  /** Installs the limits on the Jetty server Javalin builds. */
  void applyTo(JavalinConfig config) {
    QueuedThreadPool pool = new QueuedThreadPool(maxThreads, Math.min(MIN_THREADS, maxThreads), 60_000);
    pool.setName("http");
    config.jetty.threadPool = pool;
    config.jetty.modifyServer(server -> {
      NetworkConnectionLimit limit = new NetworkConnectionLimit(maxConnections, server);
      limit.setEndPointIdleTimeout(idleTimeoutAtLimit.toMillis());
      server.addBean(limit);
      server.addBean(new RequestHeadDeadline(server, headerTimeout));
      // Javalin adds its connector after these hooks and before starting, so it is set up here.
      server.addEventListener(new LifeCycle.Listener() {
        @Override
        public void lifeCycleStarting(LifeCycle event) {
          for (Connector c : ((Server) event).getConnectors()) {
            if (c instanceof ServerConnector sc) {
              sc.setAcceptQueueSize(acceptQueue);
              sc.setIdleTimeout(idleTimeout.toMillis());
            }
          }
        }
      });
    });
  }
}

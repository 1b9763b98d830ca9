package io.newssearch.cli;

import io.newssearch.http.ConnectionLimits;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code serve}'s flags for threads, connections and timeouts ({@link ConnectionLimits} says why each). */
final class ConnectionOptions {

  @Option(names = "--max-threads", paramLabel = "N",
      description = "Request threads (default: " + ConnectionLimits.DEFAULT_MAX_THREADS + ").")
  int maxThreads = ConnectionLimits.DEFAULT_MAX_THREADS;

  @Option(names = "--accept-queue", paramLabel = "N",
      description = "Connections the kernel queues before they are accepted (default: "
          + ConnectionLimits.DEFAULT_ACCEPT_QUEUE + ").")
  int acceptQueue = ConnectionLimits.DEFAULT_ACCEPT_QUEUE;

  @Option(names = "--max-connections", paramLabel = "N",
      description = "Open connections at most; at the limit idle ones are closed after --idle-timeout-at-limit "
          + "(default: " + ConnectionLimits.DEFAULT_MAX_CONNECTIONS + ").")
  int maxConnections = ConnectionLimits.DEFAULT_MAX_CONNECTIONS;

  @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Close a connection with no bytes moving for this long, a stalled reader's included (default: 30s).")
  Duration idleTimeout = ConnectionLimits.DEFAULT_IDLE_TIMEOUT;

  @Option(names = "--idle-timeout-at-limit", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "The idle timeout while --max-connections are open (default: 2s).")
  Duration idleTimeoutAtLimit = ConnectionLimits.DEFAULT_IDLE_TIMEOUT_AT_LIMIT;

  @Option(names = "--header-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Longest a request line and headers may take to arrive (default: 10s).")
  Duration headerTimeout = ConnectionLimits.DEFAULT_HEADER_TIMEOUT;

  ConnectionLimits limits() {
    return new ConnectionLimits(maxThreads, acceptQueue, maxConnections, idleTimeout, idleTimeoutAtLimit, headerTimeout);
  }
}

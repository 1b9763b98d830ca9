package io.newssearch.http;

import java.time.Duration;

/**
 * What one HTTP request may cost the server before any handler runs, and how long a stop waits.
 *
 * @param maxBodyBytes largest request body accepted; a larger one is a 413 (checked on the
 *     Content-Length before anything is read, and again while a body is read)
 * @param maxHeaderBytes largest request line plus headers; a longer URI is a 414, longer headers a
 *     431, each with the JSON error body
 * @param shutdownTimeout how long a stop waits for in-flight requests to finish
 * @param connections threads, connections and timeouts against slow and idle clients
 */
public record ServerLimits(long maxBodyBytes, int maxHeaderBytes, Duration shutdownTimeout,
    ConnectionLimits connections) {

  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
  /** Jetty's own default, named here so it is documented and configurable. */
  public static final int DEFAULT_MAX_HEADER_BYTES = 8 * 1024;
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

  public static final ServerLimits DEFAULTS = new ServerLimits(
      DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_HEADER_BYTES, DEFAULT_SHUTDOWN_TIMEOUT);

  /** With the default connection limits. */
  public ServerLimits(long maxBodyBytes, int maxHeaderBytes, Duration shutdownTimeout) {
    this(maxBodyBytes, maxHeaderBytes, shutdownTimeout, ConnectionLimits.DEFAULTS);
  }

  public ServerLimits {
    if (maxBodyBytes < 1 || maxHeaderBytes < 1024) {
      throw new IllegalArgumentException("body limit must be 1 or more and header limit 1024 or more, got "
          + maxBodyBytes + " and " + maxHeaderBytes);
    }
    if (shutdownTimeout == null || shutdownTimeout.isNegative()) {
      throw new IllegalArgumentException("the shutdown timeout must be 0 or more, got " + shutdownTimeout);
    }
    if (connections == null) {
      throw new IllegalArgumentException("connection limits are required");
    }
  }
}

package io.newssearch.alerts;

import java.time.Duration;

/**
 * How webhooks are delivered.
 *
 * @param timeout for one POST, connecting included
 * @param attempts tries per match before it counts as failed
 * @param firstBackoff pause before the second try; each further pause doubles
 * @param queue deliveries waiting or between tries at once; a match beyond it is dropped (and counted)
 */
public record WebhookSettings(WebhookPolicy policy, Duration timeout, int attempts, Duration firstBackoff, int queue) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_ATTEMPTS = 5;
  /** 1, 2, 4, 8 s between the five tries: a receiver restarting has about 15 s. */
  public static final Duration DEFAULT_FIRST_BACKOFF = Duration.ofSeconds(1);
  public static final int DEFAULT_QUEUE = 10_000;

  public static WebhookSettings allowing(WebhookPolicy policy) {
    return new WebhookSettings(policy, DEFAULT_TIMEOUT, DEFAULT_ATTEMPTS, DEFAULT_FIRST_BACKOFF, DEFAULT_QUEUE);
  }
}

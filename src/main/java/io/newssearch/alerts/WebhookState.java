package io.newssearch.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * How an alert's webhook has fared since the server started: deliveries that got a 2xx answer,
 * matches given up after every try, dropped because the queue was full, and waiting now; the last
 * success and the last failure with its reason.
 */
public record WebhookState(
    long delivered,
    long failed,
    long dropped,
    long pending,
    @JsonProperty("last_delivered") Instant lastDelivered,
    @JsonProperty("last_failure") Instant lastFailure,
    @JsonProperty("last_error") String lastError) {

  static final WebhookState NONE = new WebhookState(0, 0, 0, 0, null, null, null);
}

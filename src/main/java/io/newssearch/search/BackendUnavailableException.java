package io.newssearch.search;

import java.io.IOException;

/**
 * The store of articles did not answer (a SolrCloud cluster down or without a leader for a shard,
 * after retries): the request may succeed later, so it is a 503, not an internal error.
 */
public final class BackendUnavailableException extends IOException {

  public BackendUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

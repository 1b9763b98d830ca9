package io.newssearch.index;

import java.io.IOException;

/** Another writer (an {@code index} run in another process) holds the index; retry later. */
public final class IndexBusyException extends IOException {

  public IndexBusyException(String message, Throwable cause) {
    super(message, cause);
  }
}

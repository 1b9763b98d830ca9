package io.newssearch.backend;

/** {@link AlertsContract} on the embedded Lucene index. */
class LuceneAlertsTest extends AlertsContract {
  @Override
  Backend backend() {
    return Backend.LUCENE;
  }
}

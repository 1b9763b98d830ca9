package io.newssearch.backend;

/** {@link AlertsContract} on the SolrCloud backend (2 shards × 2 replicas). */
class SolrAlertsTest extends AlertsContract {
  @Override
  Backend backend() {
    return Backend.SOLR;
  }
}

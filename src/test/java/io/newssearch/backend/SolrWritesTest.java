package io.newssearch.backend;

/** {@link WritesContract} on the SolrCloud backend (2 shards × 2 replicas). */
class SolrWritesTest extends WritesContract {
  @Override
  Backend backend() {
    return Backend.SOLR;
  }
}

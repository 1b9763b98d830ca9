package io.newssearch.backend;

/** {@link SearchContract} on the SolrCloud backend (2 shards × 2 replicas). */
class SolrSearchTest extends SearchContract {
  @Override
  Backend backend() {
    return Backend.SOLR;
  }
}

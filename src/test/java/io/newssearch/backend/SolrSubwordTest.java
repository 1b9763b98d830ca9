package io.newssearch.backend;

/** {@link SubwordContract} on the SolrCloud backend (2 shards × 2 replicas). */
class SolrSubwordTest extends SubwordContract {
  @Override
  Backend backend() {
    return Backend.SOLR;
  }
}

package io.newssearch.backend;

/** {@link BadInputContract} on the SolrCloud backend (2 shards × 2 replicas). */
class SolrBadInputTest extends BadInputContract {
  @Override
  Backend backend() {
    return Backend.SOLR;
  }
}

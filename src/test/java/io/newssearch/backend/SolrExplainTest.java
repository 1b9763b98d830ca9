package io.newssearch.backend;

/** {@link ExplainContract} on the SolrCloud backend (2 shards × 2 replicas). */
class SolrExplainTest extends ExplainContract {
  @Override
  Backend backend() {
    return Backend.SOLR;
  }
}

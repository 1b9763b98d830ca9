package io.newssearch.backend;

/** {@link VectorModesContract} on the SolrCloud backend (2 shards × 2 replicas). */
class SolrVectorModesTest extends VectorModesContract {
  @Override
  Backend backend() {
    return Backend.SOLR;
  }
}

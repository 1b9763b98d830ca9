package io.newssearch.backend;

/** {@link ReadFeaturesContract} on the SolrCloud backend (2 shards × 2 replicas). */
class SolrReadFeaturesTest extends ReadFeaturesContract {
  @Override
  Backend backend() {
    return Backend.SOLR;
  }
}

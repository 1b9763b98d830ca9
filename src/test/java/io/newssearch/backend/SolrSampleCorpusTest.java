package io.newssearch.backend;

/** {@link SampleCorpusContract} on a SolrCloud collection of 2 shards × 2 replicas. */
class SolrSampleCorpusTest extends SampleCorpusContract {
  @Override
  Backend backend() {
    return Backend.SOLR;
  }
}

package io.newssearch.backend;

/** {@link StoryCollapseContract} on the SolrCloud backend (2 shards × 2 replicas). */
class SolrStoryCollapseTest extends StoryCollapseContract {
  @Override
  Backend backend() {
    return Backend.SOLR;
  }
}

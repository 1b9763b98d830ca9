package io.newssearch.backend;

/** {@link ReadFeaturesContract} on the embedded Lucene index. */
class LuceneReadFeaturesTest extends ReadFeaturesContract {
  @Override
  Backend backend() {
    return Backend.LUCENE;
  }

  @org.junit.jupiter.api.Test
  void stats_give_the_time_of_the_commit_every_write_makes() throws Exception {
    var last = search.stats().lastCommit();
    org.junit.jupiter.api.Assertions.assertNotNull(last);
    org.junit.jupiter.api.Assertions.assertFalse(last.isAfter(java.time.Instant.now()));
  }
}

package io.newssearch.backend;

/** {@link SubwordContract} on the embedded Lucene index. */
class LuceneSubwordTest extends SubwordContract {
  @Override
  Backend backend() {
    return Backend.LUCENE;
  }
}

package io.newssearch.backend;

/** {@link SearchContract} on the embedded Lucene index. */
class LuceneSearchTest extends SearchContract {
  @Override
  Backend backend() {
    return Backend.LUCENE;
  }
}

package io.newssearch.backend;

/** {@link WritesContract} on the embedded Lucene index. */
class LuceneWritesTest extends WritesContract {
  @Override
  Backend backend() {
    return Backend.LUCENE;
  }
}

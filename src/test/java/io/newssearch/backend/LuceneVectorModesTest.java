package io.newssearch.backend;

/** {@link VectorModesContract} on the embedded index. */
class LuceneVectorModesTest extends VectorModesContract {
  @Override
  Backend backend() {
    return Backend.LUCENE;
  }
}

package io.newssearch.backend;

/** {@link BadInputContract} on the embedded Lucene index. */
class LuceneBadInputTest extends BadInputContract {
  @Override
  Backend backend() {
    return Backend.LUCENE;
  }
}

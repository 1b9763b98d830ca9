package io.newssearch.backend;

/** {@link ExplainContract} on the embedded Lucene index. */
class LuceneExplainTest extends ExplainContract {
  @Override
  Backend backend() {
    return Backend.LUCENE;
  }
}

package io.newssearch.backend;

/** {@link SampleCorpusContract} on the embedded Lucene index. */
class LuceneSampleCorpusTest extends SampleCorpusContract {
  @Override
  Backend backend() {
    return Backend.LUCENE;
  }
}

package io.newssearch.backend;

/** {@link StoryCollapseContract} on the embedded Lucene index. */
class LuceneStoryCollapseTest extends StoryCollapseContract {
  @Override
  Backend backend() {
    return Backend.LUCENE;
  }
}

package io.newssearch.bench;

import io.newssearch.article.Article;
import io.newssearch.ingest.CorpusFile;
import io.newssearch.ingest.CorpusWalker;
import io.newssearch.ingest.RecordSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Every article of a corpus, parsed as {@code newssearch index} parses it, one at a time (memory does not grow). */
final class CorpusArticles {

  private CorpusArticles() {}

  /** @return records the parsers rejected */
  static long forEach(List<Path> roots, Consumer<Article> action) throws IOException {
    long[] rejected = {0};
    for (CorpusFile file : CorpusWalker.list(roots).files()) {
      file.format().parser().parse(file.path(), new RecordSink() {
        @Override
        public void accept(Article article, int line) {
          action.accept(article);
        }

        @Override
        public void reject(int line, String reason) {
          rejected[0]++;
        }
      });
    }
    return rejected[0];
  }
}

package io.newssearch.ingest;

import io.newssearch.article.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A corpus parsed into memory, as the parsers return it (nothing enriched): for benchmarks and
 * evaluation, which need the same articles several times. Rejected records are counted, not kept.
 *
 * @param articles parsed articles in file order
 * @param bytes size of the files read
 * @param rejected records the parsers rejected
 * @param parseNanos time spent reading and parsing
 */
public record ParsedCorpus(List<Article> articles, long bytes, int rejected, long parseNanos) {

  public static ParsedCorpus read(List<Path> roots) throws IOException {
    long start = System.nanoTime();
    List<Article> articles = new ArrayList<>();
    int[] rejected = {0};
    long bytes = 0;
    for (CorpusFile file : CorpusWalker.list(roots).files()) {
      bytes += Files.size(file.path());
      file.format().parser().parse(file.path(), new RecordSink() {
        @Override
        public void accept(Article article, int line) {
          articles.add(article);
        }

        @Override
        public void reject(int line, String reason) {
          rejected[0]++;
        }
      });
    }
    return new ParsedCorpus(List.copyOf(articles), bytes, rejected[0], System.nanoTime() - start);
  }
}

package io.newssearch.lucene.search;

import io.newssearch.TestIndexes;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.lucene.IndexHandle;
import io.newssearch.lucene.IndexLayout;
import io.newssearch.search.Ranking;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One test index and search services over it, each with its own ranking, closed together. */
final class RankedServices implements AutoCloseable {

  private final Path dir;
  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private final List<LuceneSearchService> open = new ArrayList<>();

  /** Writes the articles into a live index at {@code dir}. */
  RankedServices(Path dir, List<Article> articles) throws IOException {
    this.dir = dir;
    TestIndexes.write(dir, articles);
  }

  LuceneSearchService with(Ranking ranking) throws IOException {
    LuceneSearchService s = new LuceneSearchService(new IndexHandle(new IndexLayout(dir), Duration.ofHours(1)),
        analyzers, ranking);
    open.add(s);
    return s;
  }

  LanguageAnalyzers analyzers() {
    return analyzers;
  }

  @Override
  public void close() throws IOException {
    for (LuceneSearchService s : open) {
      s.close();
    }
    analyzers.close();
  }
}

package io.newssearch.eval;

import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.index.IndexProgress;
import io.newssearch.index.IndexSummary;
import io.newssearch.index.Indexer;
import io.newssearch.index.StrictModeException;
import io.newssearch.lucene.IndexHandle;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.lucene.search.LuceneSearchService;
import io.newssearch.search.Ranking;
import io.newssearch.search.SearchLimits;
import io.newssearch.search.SearchFallbacks;
import io.newssearch.search.SearchService;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A collection indexed by the real pipeline ({@link Indexer} into a {@link LuceneEngine}) in a
 * scratch folder, and searched by the engine's own {@link LuceneSearchService} with a chosen
 * {@link Ranking}: the shipped one ({@link Ranking#DEFAULT}) or a candidate being measured.
 */
final class EvalIndex implements Closeable {

  private final LuceneEngine engine;
  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();

  private EvalIndex(LuceneEngine engine) {
    this.engine = engine;
  }

  /** Rebuilds the index in {@code dir} from the corpus files (records the pipeline rejects are left out, as in use). */
  static EvalIndex build(Path dir, List<Path> corpus) throws IOException {
    LuceneEngine engine = new LuceneEngine(dir);
    try {
      IndexSummary summary = engine.indexer().run(new Indexer.Options(corpus, true, false), IndexProgress.NONE);
      if (summary.indexed() + summary.updated() == 0) {
        throw new IOException("no article indexed from " + corpus);
      }
    } catch (StrictModeException e) {
      engine.close();
      throw new IllegalStateException("not strict, cannot happen", e);
    } catch (IOException | RuntimeException e) {
      engine.close();
      throw e;
    }
    return new EvalIndex(engine);
  }

  /** A search service over the index ranking with {@code ranking}, answering as the engine's does; the caller closes it. */
  SearchService search(Ranking ranking) throws IOException {
    return SearchFallbacks.around(new LuceneSearchService(
        new IndexHandle(engine.layout(), IndexHandle.DEFAULT_REFRESH_INTERVAL), analyzers, SearchLimits.DEFAULTS, ranking));
  }

  @Override
  public void close() throws IOException {
    try {
      engine.close();
    } finally {
      analyzers.close();
    }
  }
}

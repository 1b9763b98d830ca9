package io.newssearch.lucene;

import io.newssearch.index.CarryOverStore;
import io.newssearch.index.IndexTarget;
import io.newssearch.index.Indexer;
import io.newssearch.index.Origin;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * API writes on the embedded index ({@link CarryOverStore} says how rebuilds keep them), through one
 * long-lived writer with group commit ({@link LiveWriter}): concurrent writes share a commit, and
 * each returns once it is durable and searchable. The writer lets go of the index after a few
 * seconds without writes, so an {@code index} run from another process can take its turn.
 */
public final class LuceneArticleStore extends CarryOverStore {

  private final IndexLayout layout;
  private final ArticleDocuments documents;
  private final IndexHandle handle;
  private final LiveWriter live;

  private final ArticleVectors.Source vectors;

  public LuceneArticleStore(IndexLayout layout, ArticleDocuments documents, IndexHandle handle,
      Indexer.Factory indexerFactory) {
    this(layout, documents, handle, indexerFactory, ArticleVectors.Source.NONE);
  }

  /** @param vectors the model for writes into an index with vectors, and whether a rebuild adds them */
  public LuceneArticleStore(IndexLayout layout, ArticleDocuments documents, IndexHandle handle,
      Indexer.Factory indexerFactory, ArticleVectors.Source vectors) {
    super(indexerFactory);
    this.layout = layout;
    this.documents = documents;
    this.handle = handle;
    this.vectors = vectors;
    this.live = new LiveWriter(layout, documents, handle, LiveWriter.DEFAULT_IDLE, vectors);
  }

  @Override
  protected <T> T writeLive(LiveWrite<T> write) throws IOException {
    return live.write(write);
  }

  @Override
  protected IndexTarget openRebuild() throws IOException {
    return new LuceneIndexTarget(layout, documents, true, LuceneIndexTarget.DEFAULT_RAM_BUFFER_MB, vectors);
  }

  /** After a rebuild, searches move to the new generation before the status says it is done. */
  @Override
  protected void written() throws IOException {
    handle.maybeRefreshBlocking();
  }

  @Override
  public void close() {
    try {
      super.close();
    } finally {
      live.close();
    }
  }

  @Override
  protected int copyApiArticles(IndexTarget target) throws IOException {
    Path live = layout.current().orElse(null);
    if (live == null) {
      return 0;
    }
    int copied = 0;
    try (Directory dir = FSDirectory.open(live); DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = reader.storedFields();
      TermQuery api = new TermQuery(ArticleDocuments.originTerm(Origin.API));
      for (ScoreDoc sd : searcher.search(api, Math.max(1, reader.maxDoc())).scoreDocs) {
        target.upsert(ArticleDocuments.indexed(stored.document(sd.doc)));
        copied++;
      }
    }
    return copied;
  }
}

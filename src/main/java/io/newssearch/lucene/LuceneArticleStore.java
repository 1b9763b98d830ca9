package io.newssearch.lucene;

import io.newssearch.index.CarryOverStore;
import io.newssearch.index.IndexBusyException;
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
import org.apache.lucene.store.LockObtainFailedException;

/**
 * API writes on the embedded index ({@link CarryOverStore} says how rebuilds keep them). Each
 * write batch opens a writer on the live generation, commits and closes it, so writes are durable
 * on return and an {@code index} run from another process can still take its turn.
 */
public final class LuceneArticleStore extends CarryOverStore {

  private final IndexLayout layout;
  private final ArticleDocuments documents;
  private final IndexHandle handle;

  public LuceneArticleStore(IndexLayout layout, ArticleDocuments documents, IndexHandle handle,
      Indexer.Factory indexerFactory) {
    super(indexerFactory);
    this.layout = layout;
    this.documents = documents;
    this.handle = handle;
  }

  @Override
  protected IndexTarget openLive() throws IOException {
    try {
      return new LuceneIndexTarget(layout, documents, false, LuceneIndexTarget.DEFAULT_RAM_BUFFER_MB);
    } catch (LockObtainFailedException e) {
      throw new IndexBusyException("the index is being written by another process (an 'index' run?); retry later", e);
    }
  }

  @Override
  protected IndexTarget openRebuild() throws IOException {
    return new LuceneIndexTarget(layout, documents, true, LuceneIndexTarget.DEFAULT_RAM_BUFFER_MB);
  }

  /** Searchable when the write returns: the reader is refreshed before the answer goes out. */
  @Override
  protected void written() throws IOException {
    handle.maybeRefreshBlocking();
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

package io.newssearch.lucene;

import io.newssearch.index.IndexedArticle;
import io.newssearch.index.IndexTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes articles into an {@link IndexLayout}: an update goes into the live generation (explicit
 * {@link OpenMode#APPEND}, the index must exist); a rebuild goes into a fresh generation
 * ({@link OpenMode#CREATE}) that {@link #commit} publishes atomically.
 */
public final class LuceneIndexTarget implements IndexTarget {

  public static final int DEFAULT_RAM_BUFFER_MB = 128;

  private final IndexLayout layout;
  private final ArticleDocuments documents;
  private final boolean rebuild;
  private final Path generation;
  private final Directory dir;
  private final IndexWriter writer;
  /** The index as it was before this run, to tell new articles from updates. */
  private final DirectoryReader before;
  private final IndexSearcher beforeSearcher;
  private final Set<String> idsThisRun = ConcurrentHashMap.newKeySet();
  private final StoryWriter stories;
  private boolean done;

  public LuceneIndexTarget(IndexLayout layout, ArticleDocuments documents, boolean rebuild,
      int ramBufferMb) throws IOException {
    this.layout = layout;
    this.documents = documents;
    this.rebuild = rebuild;
    this.generation = rebuild ? layout.newGeneration() : layout.ensureCurrent();
    this.dir = FSDirectory.open(generation);
    IndexWriterConfig config = new IndexWriterConfig(Schema.queryAnalyzer(new StandardAnalyzer()))
        .setOpenMode(rebuild ? OpenMode.CREATE : OpenMode.APPEND)
        .setRAMBufferSizeMB(ramBufferMb);
    this.writer = new IndexWriter(dir, config);
    this.before = rebuild ? null : DirectoryReader.open(dir);
    this.beforeSearcher = before == null ? null : new IndexSearcher(before);
    if (beforeSearcher != null) {
      beforeSearcher.setQueryCache(null); // one lookup per id: caching would only cost memory
    }
    this.stories = new StoryWriter(beforeSearcher);
  }

  @Override
  public boolean upsert(IndexedArticle article) throws IOException {
    boolean existed = !idsThisRun.add(article.id()) || existedBefore(article.id());
    writer.updateDocument(ArticleDocuments.idTerm(article.id()), stories.document(documents, article));
    return existed;
  }

  @Override
  public boolean delete(String id) throws IOException {
    boolean existed = idsThisRun.remove(id) || existedBefore(id);
    writer.deleteDocuments(ArticleDocuments.idTerm(id));
    stories.deleted(id);
    return existed;
  }

  /** Counted through a searcher because docFreq still counts deleted documents. */
  private boolean existedBefore(String id) throws IOException {
    return beforeSearcher != null && beforeSearcher.count(new TermQuery(ArticleDocuments.idTerm(id))) > 0;
  }

  @Override
  public void commit() throws IOException {
    stories.finish(writer, documents); // story ids that later articles of this run made smaller
    writer.commit();
    done = true;
    close();
    if (rebuild) {
      layout.publish(generation);
    }
  }

  @Override
  public void rollback() throws IOException {
    done = true;
    writer.rollback();
    close();
  }

  @Override
  public void close() throws IOException {
    if (!done) {
      done = true;
      writer.rollback();
    }
    try (dir; writer; before) {
      // closes all three, in reverse order
    }
  }
}

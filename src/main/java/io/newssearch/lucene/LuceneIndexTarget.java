package io.newssearch.lucene;

import io.newssearch.index.IndexBusyException;
import io.newssearch.index.IndexTarget;
import io.newssearch.index.IndexedArticle;
import io.newssearch.semantic.VectorFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.SleepingLockWrapper;

/**
 * Writes articles into an {@link IndexLayout}: an update goes into the live generation (explicit
 * {@link OpenMode#APPEND}, the index must exist); a rebuild goes into a fresh generation
 * ({@link OpenMode#CREATE}) that {@link #commit} publishes atomically.
 */
public final class LuceneIndexTarget implements IndexTarget {

  /** How long an incremental run waits for another writer to let go of the index. */
  static final java.time.Duration LOCK_WAIT = java.time.Duration.ofSeconds(30);


  public static final int DEFAULT_RAM_BUFFER_MB = 128;

  private final IndexLayout layout;
  private final boolean rebuild;
  private final Path generation;
  private final Directory dir;
  private final IndexWriter writer;
  private final ArticleWriter articles;
  private boolean done;

  public LuceneIndexTarget(IndexLayout layout, ArticleDocuments documents, boolean rebuild,
      int ramBufferMb) throws IOException {
    this(layout, documents, rebuild, ramBufferMb, ArticleVectors.Source.NONE);
  }

  /**
   * @param vectors whether to add vectors; an index that has them keeps them, a rebuild too (it
   *     follows the live generation's commit data)
   */
  public LuceneIndexTarget(IndexLayout layout, ArticleDocuments documents, boolean rebuild,
      int ramBufferMb, ArticleVectors.Source vectors) throws IOException {
    this.layout = layout;
    this.rebuild = rebuild;
    Map<String, String> recorded = ArticleVectors.recorded(layout);
    this.generation = rebuild ? layout.newGeneration() : layout.ensureCurrent();
    this.dir = layout.openForWriting(generation);
    IndexWriterConfig config = new IndexWriterConfig(Schema.queryAnalyzer(new StandardAnalyzer()))
        .setOpenMode(rebuild ? OpenMode.CREATE : OpenMode.APPEND)
        .setRAMBufferSizeMB(ramBufferMb)
        // A rebuild flushes a segment at every reopen of the story reader and merges them soon
        // after: packing each into a compound file first would copy every flushed byte once more.
        .setUseCompoundFile(!rebuild)
        .setCodec(VectorFields.codec()); // Lucene's default codec, int8 HNSW on the vector field
    this.writer = open(dir, config, generation);
    ArticleVectors embedding;
    try {
      embedding = ArticleVectors.forWriter(writer, vectors, recorded);
    } catch (RuntimeException e) {
      writer.rollback();
      dir.close();
      throw e;
    }
    this.articles = new ArticleWriter(writer, documents, rebuild, embedding);
  }

  /**
   * A serving process's writer (API writes) holds the index lock until it has been idle for a few
   * seconds, so an incremental run waits for the lock a while (Lucene's SleepingLockWrapper) before
   * saying plainly who holds it.
   */
  private static IndexWriter open(Directory dir, IndexWriterConfig config, Path generation) throws IOException {
    try {
      return new IndexWriter(new SleepingLockWrapper(dir, LOCK_WAIT.toMillis()), config);
    } catch (LockObtainFailedException e) {
      dir.close();
      throw new IndexBusyException(generation + " is being written by another process for more than "
          + LOCK_WAIT.toSeconds() + " s: a server taking API writes (it lets go 5 s after the last one) or another "
          + "'index' run; retry when it is idle, send the articles to the server's API, or use --rebuild", e);
    }
  }

  @Override
  public boolean upsert(IndexedArticle article) throws IOException {
    return articles.upsert(article);
  }

  @Override
  public boolean delete(String id) throws IOException {
    return articles.delete(id);
  }

  @Override
  public void commit() throws IOException {
    articles.flush(); // story ids that later articles of this run made smaller
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
    try (dir; writer; articles) {
      // closes all three, in reverse order
    }
  }
}

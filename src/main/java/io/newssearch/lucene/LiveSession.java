package io.newssearch.lucene;

import io.newssearch.index.IndexBusyException;
import io.newssearch.index.IndexTarget;
import io.newssearch.index.IndexedArticle;
import io.newssearch.index.WriteFailure;
import io.newssearch.semantic.VectorFields;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NRTCachingDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link IndexWriter} of {@link LiveWriter} on one generation: opened on its first write,
 * closed when idle, when a rebuild publishes another generation, or when a commit failed. Holds
 * the group-commit state that {@link LiveWriter} reads and changes under this object's monitor.
 */
final class LiveSession {

  private static final Logger log = LoggerFactory.getLogger(LiveSession.class);

  /** Segments up to this size (a group commit's, a merge of a few) are written in memory until synced. */
  private static final double CACHED_SEGMENT_MB = 5;
  /** Memory held by segments not yet synced, at most. */
  private static final double CACHED_MB = 32;

  private final IndexHandle handle;

  final Path generation;
  final Directory dir;
  final IndexWriter writer;
  final ArticleWriter articles;
  final IndexTarget target;
  // The group commit's state, guarded by this object's monitor: writes applied, committed, and the
  // failure that ended a group (see LiveWriter).
  long applied;
  long committed;
  boolean committing;
  long failedUpTo;
  IOException failure;
  Throwable poison;

  LiveSession(Path generation, IndexLayout layout, ArticleDocuments documents, ArticleVectors.Source vectors,
      IndexHandle handle) throws IOException {
    this.generation = generation;
    this.handle = handle;
    // A commit's new segment is flushed to memory and its files written to disk only when the
    // commit syncs them: the dozen files a flush makes and the compound file then replaces are
    // never created on disk (one write's commit ~30% shorter), and the commit stays what makes a
    // write durable.
    this.dir = new SyncOnceDirectory(new NRTCachingDirectory(layout.openForWriting(generation),
        CACHED_SEGMENT_MB, CACHED_MB));
    IndexWriter w;
    try {
      w = new IndexWriter(dir, new IndexWriterConfig(Schema.queryAnalyzer(new StandardAnalyzer()))
          .setOpenMode(OpenMode.APPEND).setCodec(VectorFields.codec())
          // Lucene 10 merges small segments inside a commit or reopen and waits up to 500 ms for
          // it: every few commits a write would wait for a merge. Merges run in the background.
          .setMaxFullFlushMergeWaitMillis(0));
    } catch (LockObtainFailedException e) {
      dir.close();
      throw new IndexBusyException("the index is being written by another process (an 'index' run?); retry later", e);
    } catch (IOException | RuntimeException e) {
      dir.close();
      log.error("cannot open the index writer on {}: {}", generation.getFileName(), WriteFailure.describe(e));
      throw e;
    }
    this.writer = w;
    try {
      var userData = new java.util.HashMap<String, String>();
      w.getLiveCommitData().forEach(e -> userData.put(e.getKey(), e.getValue()));
      this.articles = new ArticleWriter(w, documents, false, ArticleVectors.forWriter(w, vectors, userData));
    } catch (IOException | RuntimeException e) {
      w.rollback();
      dir.close();
      throw e;
    }
    this.target = new LiveTarget(articles);
  }

  /** Counts a write as applied and returns its ticket; a failed one poisons the group. */
  synchronized long applied(Throwable failed) {
    if (failed != null && poison == null) {
      poison = failed;
    }
    return ++applied;
  }

  synchronized long committedTicket() {
    return committed;
  }

  synchronized boolean idle() {
    return !committing && applied == committed;
  }

  /** Closes the writer: gracefully when everything applied is committed, else discarding it. */
  void close(boolean graceful) {
    handle.detach(writer);
    try {
      if (graceful) {
        writer.close();
      } else {
        writer.rollback();
      }
    } catch (IOException | RuntimeException e) {
      log.warn("closing the index writer of {} failed: {}", generation.getFileName(), WriteFailure.describe(e));
    }
    // a failure here must not escape: the writes waiting for this session's outcome would wait forever
    try (dir; articles) {
      // closes both
    } catch (IOException | RuntimeException e) {
      log.warn("closing {} failed: {}", generation.getFileName(), WriteFailure.describe(e));
    }
  }

  /** What a write sees: upserts and deletes on the shared writer; the commit is the group's. */
  private record LiveTarget(ArticleWriter articles) implements IndexTarget {
    @Override
    public boolean upsert(IndexedArticle article) throws IOException {
      return articles.upsert(article);
    }

    @Override
    public boolean delete(String id) throws IOException {
      return articles.delete(id);
    }

    @Override
    public void commit() {
      throw new UnsupportedOperationException("API writes are committed together by LiveWriter");
    }

    @Override
    public void rollback() {
      throw new UnsupportedOperationException("API writes are committed together by LiveWriter");
    }

    @Override
    public void close() {}
  }
}

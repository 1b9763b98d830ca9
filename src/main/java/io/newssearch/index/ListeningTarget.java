package io.newssearch.index;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link IndexTarget} that reports what it writes to an {@link IndexListener.Batch}: each
 * upsert after the target took it, the commit after the target committed. A listener's failure
 * is logged and never fails the write: the articles are in the index either way.
 */
final class ListeningTarget implements IndexTarget {

  private static final Logger log = LoggerFactory.getLogger(ListeningTarget.class);

  private final IndexTarget delegate;
  private final IndexListener.Batch batch;
  private boolean finished;

  ListeningTarget(IndexTarget delegate, IndexListener.Batch batch) {
    this.delegate = delegate;
    this.batch = batch;
  }

  @Override
  public boolean upsert(IndexedArticle article) throws IOException {
    boolean existed = delegate.upsert(article);
    try {
      batch.upserted(article);
    } catch (IOException | RuntimeException e) {
      log.error("index listener failed on article {}", article.id(), e);
    }
    return existed;
  }

  @Override
  public void expect(java.util.Collection<String> ids) throws IOException {
    delegate.expect(ids);
  }

  @Override
  public boolean delete(String id) throws IOException {
    return delegate.delete(id);
  }

  @Override
  public void commit() throws IOException {
    committing();
    delegate.commit();
    committedElsewhere();
  }

  /** Every article of this target is upserted; the commit that holds them is starting. */
  void committing() {
    try {
      batch.committing();
    } catch (IOException | RuntimeException e) {
      log.error("index listener failed before a commit", e);
    }
  }

  /**
   * The articles upserted here were committed by someone else: API writes, which the live
   * writer commits in groups ({@link CarryOverStore#writeLive}).
   */
  void committedElsewhere() {
    finished = true;
    try {
      batch.committed();
    } catch (IOException | RuntimeException e) {
      log.error("index listener failed after a commit", e);
    }
  }

  @Override
  public void rollback() throws IOException {
    try {
      delegate.rollback();
    } finally {
      abandon();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      delegate.close();
    } finally {
      abandon();
    }
  }

  /** Nothing upserted here will be committed (a no-op once it was). */
  void abandon() {
    if (!finished) {
      finished = true;
      batch.abandoned();
    }
  }
}

package io.newssearch.index;

import java.io.IOException;

/**
 * Told about the articles that enter an index: every API write, {@code index} run and rebuild
 * opens one {@link Batch}, reports each upserted article to it as it is written, and closes it with
 * {@link Batch#committed()} once the commit made them durable and searchable — or
 * {@link Batch#abandoned()} when nothing was committed. Work that needs only the article (matching
 * saved searches) may happen in {@link Batch#upserted}; nothing may be published before the commit.
 * The same for every engine, since it sees our records, not an engine's documents.
 */
public interface IndexListener {

  /** Nobody listens. */
  IndexListener NONE = () -> Batch.NONE;

  /** A batch for one target: one API write, one run or one rebuild. */
  Batch open() throws IOException;

  /** The articles of one target between its opening and its commit. */
  interface Batch {

    Batch NONE = new Batch() {
      @Override
      public void upserted(IndexedArticle article) {}

      @Override
      public void committed() {}
    };

    /** On the writing thread (indexing workers run concurrently): one article written. */
    void upserted(IndexedArticle article) throws IOException;

    /**
     * Every article is upserted and the commit is starting: work that can overlap the commit may
     * begin (recording, whose fsync then overlaps the index's), provided {@link #abandoned()}
     * undoes it. Optional: {@link #committed()} does what this did not.
     */
    default void committing() throws IOException {}

    /** After the commit that made every upserted article durable and searchable. */
    void committed() throws IOException;

    /** Rolled back or closed without a commit: forget what was upserted, undo what {@link #committing} did. */
    default void abandoned() {}
  }

  /** {@code target} reporting to this listener, or the target itself when nobody listens. */
  default IndexTarget wrap(IndexTarget target) throws IOException {
    return this == NONE ? target : new ListeningTarget(target, open());
  }
}

package io.newssearch.index;

import io.newssearch.article.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes to a running index, for feeds that push articles instead of reindexing files. Like
 * {@link IndexTarget} and the search service, it speaks our own records, so another backend can
 * implement it.
 *
 * <p>Every write is durable when the method returns and searchable within a second.
 */
public interface ArticleStore {

  /** How many of the written articles were new and how many replaced one with the same id. */
  record WriteResult(int indexed, int updated) {}

  /** Upserts prepared (enriched and validated) articles as one commit. */
  WriteResult upsert(List<Article> articles) throws IOException;

  /** Deletes one article; false if there was none with this id. */
  boolean delete(String id) throws IOException;

  /**
   * Rebuilds the whole index from the corpus in the background. Articles written over the API
   * (before or while it runs) are carried into the new index, and deletes made while it runs are
   * applied to it, so no write is lost.
   *
   * @return false if a rebuild is already running
   */
  boolean startRebuild(List<Path> corpus);

  RebuildStatus rebuildStatus();

  /** The last or current rebuild: running, and the summary of the last finished one (or its error). */
  record RebuildStatus(boolean running, java.time.Instant startedAt, java.time.Instant finishedAt,
      IndexSummary lastSummary, String lastError) {
    static final RebuildStatus NEVER = new RebuildStatus(false, null, null, null, null);
  }
}

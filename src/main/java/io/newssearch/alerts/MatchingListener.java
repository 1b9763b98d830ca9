package io.newssearch.alerts;

import io.newssearch.article.Article;
import io.newssearch.index.IndexListener;
import io.newssearch.index.IndexedArticle;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The alerts' ear on the indexing pipeline: each article an API write, {@code index} run or
 * rebuild upserts is matched on the writing thread if the store has not seen it (the costly part
 * runs beside indexing, on its workers); after the commit the batch's ids are marked seen and the
 * matches of the ones seen for the first time are recorded, in one transaction, then announced.
 * Nothing is recorded for a batch that is not committed.
 */
final class MatchingListener implements IndexListener {

  private final AlertStore store;
  private final AlertMatcher matcher;
  private final Runnable refresh;
  private final Consumer<List<AlertMatch>> recorded;

  /**
   * @param refresh run as each batch opens: reloads the alerts if another process changed them
   * @param recorded told about the matches each commit recorded
   */
  MatchingListener(AlertStore store, AlertMatcher matcher, Runnable refresh, Consumer<List<AlertMatch>> recorded) {
    this.store = store;
    this.matcher = matcher;
    this.refresh = refresh;
    this.recorded = recorded;
  }

  @Override
  public Batch open() {
    refresh.run();
    return new Batch() {
      private final Queue<String> unseen = new ConcurrentLinkedQueue<>();
      private final Queue<AlertMatch> matches = new ConcurrentLinkedQueue<>();

      @Override
      public void upserted(IndexedArticle a) throws IOException {
        if (store.unseen(List.of(a.id())).isEmpty()) {
          return; // an update, or an article a rebuild brings back: it fired (or not) when first seen
        }
        unseen.add(a.id());
        Article article = a.article();
        for (Alert alert : matcher.match(a)) {
          // matched_at is set when the commit records it
          matches.add(new AlertMatch(0, alert.id(), article.id(), article.title(), article.url(), article.source(),
              article.language(), article.published(), null));
        }
      }

      @Override
      public void committed() throws IOException {
        if (unseen.isEmpty()) {
          return;
        }
        Instant now = Instant.now();
        List<AlertMatch> stamped = new ArrayList<>(matches.size());
        for (AlertMatch m : matches) {
          stamped.add(new AlertMatch(0, m.alertId(), m.articleId(), m.title(), m.url(), m.source(), m.language(),
              m.published(), now));
        }
        List<AlertMatch> done = store.record(new ArrayList<>(unseen), stamped);
        if (!done.isEmpty()) {
          recorded.accept(done);
        }
      }
    };
  }
}

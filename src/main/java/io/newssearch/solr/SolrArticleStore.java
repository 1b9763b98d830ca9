package io.newssearch.solr;

import io.newssearch.index.CarryOverStore;
import io.newssearch.index.IndexTarget;
import io.newssearch.index.Indexer;
import io.newssearch.index.Origin;
import java.io.IOException;
import java.util.Optional;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;

/**
 * API writes on SolrCloud ({@link CarryOverStore} says how a rebuild keeps them). Each write is
 * sent to the shard leaders, which hand it to every replica before answering, then soft-committed
 * with a wait for the new searcher: an article is searchable everywhere when the write returns,
 * and durable in every replica's transaction log (the hard commit, by autoCommit within 15 s,
 * writes it into the index files).
 */
final class SolrArticleStore extends CarryOverStore {

  /** API articles read per request when a rebuild carries them over. */
  private static final int PAGE = 500;

  private final SolrCloudClient client;
  private final SolrCollections collections;
  private final SolrDocuments documents;
  private final SolrCollectionFacts facts;
  private final SolrVectors vectors;
  private final Object serial = new Object();

  SolrArticleStore(SolrCloudClient client, SolrCollections collections, SolrDocuments documents,
      SolrVectors vectors, SolrCollectionFacts facts, Indexer.Factory indexerFactory) {
    super(indexerFactory);
    this.vectors = vectors;
    this.client = client;
    this.collections = collections;
    this.documents = documents;
    this.facts = facts;
  }

  /**
   * One write at a time, as before: each is clustered into stories against the live collection,
   * which a concurrent write's uncommitted articles are not yet in.
   */
  @Override
  protected <T> T writeLive(LiveWrite<T> write) throws IOException {
    synchronized (serial) {
      try (IndexTarget target = new SolrIndexTarget(client, collections, documents, vectors, false, SolrIndexTarget.Visibility.SOFT)) {
        T result = write.apply(target);
        target.commit();
        return result;
      }
    }
  }

  @Override
  protected IndexTarget openRebuild() throws IOException {
    return new SolrIndexTarget(client, collections, documents, vectors, true, SolrIndexTarget.Visibility.HARD);
  }

  /** An article in a new language, or dated beyond the collection's span, is searched from this write on. */
  @Override
  protected void written() {
    facts.invalidate();
  }

  @Override
  protected int copyApiArticles(IndexTarget target) throws IOException {
    Optional<String> live = collections.live();
    if (live.isEmpty()) {
      return 0;
    }
    int copied = 0;
    String mark = CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      SolrQuery q = SolrQueries.unscored("*:*").addFilterQuery(SolrQueries.term(SolrFields.ORIGIN, Origin.API.term()))
          .setFields("*").setRows(PAGE);
      q.set("sort", SolrFields.KEY + " asc");
      q.set(CursorMarkParams.CURSOR_MARK_PARAM, mark);
      QueryResponse resp = SolrRequests.query(client, live.get(), q);
      for (SolrDocument d : resp.getResults()) {
        target.upsert(SolrDocuments.indexed(d));
        copied++;
      }
      if (resp.getNextCursorMark() == null || resp.getNextCursorMark().equals(mark)) {
        return copied;
      }
      mark = resp.getNextCursorMark();
    }
  }
}

package io.newssearch.solr;

import io.newssearch.index.IndexedArticle;
import io.newssearch.story.StoryCandidates;
import io.newssearch.article.Article;
import io.newssearch.index.IndexTarget;
import io.newssearch.story.StoryClusters;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes articles into a SolrCloud collection: an update goes into the live collection, a rebuild
 * into a new one that {@link #commit} publishes by moving the alias ({@link SolrCollections}).
 * Story ids are assigned as on the embedded index, by {@link StoryClusters}, with candidates looked
 * up by band term in the live collection.
 *
 * <p>SolrCloud has no rollback, so "nothing is visible until commit" is kept this way: a rebuild
 * writes into a collection nobody reads and rollback deletes it; an update holds its documents
 * until commit (rollback drops them) up to {@link #MAX_HELD} articles, beyond which it sends them as
 * it goes and says so, since they can then no longer be taken back.
 */
final class SolrIndexTarget implements IndexTarget {

  private static final Logger log = LoggerFactory.getLogger(SolrIndexTarget.class);

  /** Documents per update request. */
  static final int BATCH = 500;
  /** Articles an update holds back for an all-or-nothing commit. */
  static final int MAX_HELD = 50_000;
  /** Candidates read per new article, as on the embedded index. */

  /** How a commit makes the writes visible. */
  enum Visibility {
    /** A hard commit opening a new searcher: for index runs. */
    HARD,
    /** A soft commit waited for, the hard commit left to autoCommit: for API writes. */
    SOFT
  }

  private final SolrCloudClient client;
  private final SolrCollections collections;
  private final SolrDocuments documents;
  private final boolean rebuild;
  private final Visibility visibility;
  private final String collection;
  private final StoryClusters stories;
  /** Adds each English article's vector when the collection has vectors ({@link SolrVectors}). */
  private final SolrVectors.Writer vectors;
  /** Article id → the key written for it in this run, so a later version or delete finds it. */
  private final Map<String, String> keysThisRun = new LinkedHashMap<>();
  /** Keys found by {@link #expect} ("" when the id is not indexed), before this run wrote anything. */
  private final Map<String, String> looked = new java.util.HashMap<>();
  /** Documents not yet sent, by key, in write order. */
  private final Map<String, SolrInputDocument> pending = new LinkedHashMap<>();
  private final List<String> pendingDeletes = new ArrayList<>();
  /** Held from taking a batch until it is sent: batches go out one at a time, in order. */
  private final java.util.concurrent.locks.ReentrantLock sendLock = new java.util.concurrent.locks.ReentrantLock();
  private boolean sentSome;
  private volatile boolean done;

  SolrIndexTarget(SolrCloudClient client, SolrCollections collections, SolrDocuments documents,
      SolrVectors vectors, boolean rebuild, Visibility visibility) throws IOException {
    this.client = client;
    this.collections = collections;
    this.documents = documents;
    this.rebuild = rebuild;
    this.visibility = visibility;
    java.util.Optional<String> replaces = rebuild ? collections.live() : java.util.Optional.empty();
    this.collection = rebuild ? collections.createNew() : collections.ensureLive();
    try {
      this.vectors = vectors.forWriter(collection, replaces);
    } catch (IOException | RuntimeException e) {
      if (rebuild) {
        collections.delete(collection);
      }
      throw e;
    }
    this.stories = new StoryClusters(rebuild ? StoryCandidates.NONE : new SolrStoryCandidates(client, collection));
  }

  /** The collection this run writes into. */
  String collection() {
    return collection;
  }

  @Override
  public boolean upsert(IndexedArticle article) throws IOException {
    // The document is made outside the lock, on the indexer's worker; the story is set under it.
    SolrInputDocument doc = documents.toDocument(article, article.id());
    vectors.add(doc, article.article());
    Batch full;
    boolean existed;
    synchronized (this) {
      String previous = keyOf(article.id());
      String story = stories.add(article.id(), article.signature(), article.publishedMillis());
      String key = SolrDocuments.key(story, article.id());
      doc.setField(SolrFields.STORY, story);
      doc.setField(SolrFields.KEY, key);
      if (previous != null && !previous.equals(key)) {
        remove(previous);
      }
      pending.put(key, doc);
      keysThisRun.put(article.id(), key);
      existed = previous != null;
      full = drainIfFull();
    }
    send(full);
    return existed;
  }

  @Override
  public boolean delete(String id) throws IOException {
    Batch full;
    boolean existed;
    synchronized (this) {
      String key = keyOf(id);
      stories.remove(id);
      keysThisRun.remove(id);
      if (key != null) {
        remove(key);
      }
      existed = key != null;
      full = drainIfFull();
    }
    send(full);
    return existed;
  }

  /** Looks the ids up in one request per {@link #BATCH}, so {@link #keyOf} need not ask one by one. */
  @Override
  public synchronized void expect(java.util.Collection<String> ids) throws IOException {
    if (rebuild) {
      return;
    }
    List<String> todo = ids.stream().filter(id -> id != null && !keysThisRun.containsKey(id) && !looked.containsKey(id))
        .distinct().toList();
    for (int i = 0; i < todo.size(); i += BATCH) {
      List<String> chunk = todo.subList(i, Math.min(i + BATCH, todo.size()));
      SolrQuery q = SolrQueries.unscored("*:*").addFilterQuery(SolrQueries.anyOf(SolrFields.ID, chunk))
          .setFields(SolrFields.ID, SolrFields.KEY).setRows(chunk.size());
      chunk.forEach(id -> looked.put(id, ""));
      for (SolrDocument d : SolrRequests.query(client, collection, q).getResults()) {
        looked.put((String) d.getFirstValue(SolrFields.ID), (String) d.getFirstValue(SolrFields.KEY));
      }
    }
  }

  /** The key an article has now: written in this run, else in the live collection (updates only), else null. */
  private String keyOf(String id) throws IOException {
    if (keysThisRun.containsKey(id)) {
      return keysThisRun.get(id);
    }
    if (rebuild) {
      return null;
    }
    String known = looked.get(id);
    if (known != null) {
      return known.isEmpty() ? null : known;
    }
    SolrQuery q = SolrQueries.unscored("*:*").addFilterQuery(SolrQueries.term(SolrFields.ID, id))
        .setFields(SolrFields.KEY).setRows(1);
    var docs = SolrRequests.query(client, collection, q).getResults();
    return docs.isEmpty() ? null : (String) docs.get(0).getFirstValue(SolrFields.KEY);
  }

  /**
   * Takes a key out: the held document if any, and a delete in any case, since an earlier version
   * under that key may have been sent already (a delete of a missing key does nothing; deletes go
   * out before the documents of their batch, so a later upsert under the same key still lands).
   */
  private void remove(String key) {
    pending.remove(key);
    pendingDeletes.add(key);
  }

  /** Documents and deletes ready to go, in write order. */
  private record Batch(List<SolrInputDocument> docs, List<String> deletes) {}

  /**
   * Takes the held writes when there are enough to send, and the send lock with them, so batches
   * reach Solr in the order they were taken (two versions of an article must not swap) while the
   * other worker goes on preparing articles. Called holding this object's lock.
   */
  private Batch drainIfFull() {
    int held = pending.size() + pendingDeletes.size();
    if (rebuild ? held < BATCH : held < MAX_HELD) {
      return null;
    }
    if (!rebuild && !sentSome) {
      log.warn("this update holds more than {} articles: sending them as it goes, so a failure or a strict-mode "
          + "rejection can no longer undo them (a rebuild is all or nothing)", MAX_HELD);
    }
    return drain();
  }

  private Batch drain() {
    Batch b = new Batch(new ArrayList<>(pending.values()), new ArrayList<>(pendingDeletes));
    pending.clear();
    pendingDeletes.clear();
    sentSome |= !b.docs().isEmpty() || !b.deletes().isEmpty();
    sendLock.lock();
    return b;
  }

  /** Sends a drained batch and releases the send lock {@link #drain} took. */
  private void send(Batch b) throws IOException {
    if (b == null) {
      return;
    }
    try {
      if (!b.deletes().isEmpty()) {
        UpdateRequest req = new UpdateRequest();
        req.deleteById(b.deletes());
        SolrRequests.process(client, collection, req, "delete " + b.deletes().size() + " articles from " + collection);
      }
      for (int i = 0; i < b.docs().size(); i += BATCH) {
        List<SolrInputDocument> part = b.docs().subList(i, Math.min(i + BATCH, b.docs().size()));
        UpdateRequest req = new UpdateRequest();
        req.add(part);
        SolrRequests.process(client, collection, req, "write " + part.size() + " articles to " + collection);
      }
    } finally {
      sendLock.unlock();
    }
  }

  @Override
  public void commit() throws IOException {
    Batch rest;
    synchronized (this) {
      applyRenames(stories.finish());
      rest = drain();
    }
    send(rest);
    if (visibility == Visibility.HARD) {
      SolrRequests.commit(client, collection, false);
    } else {
      SolrRequests.commit(client, collection, true);
    }
    done = true;
    if (rebuild) {
      collections.publish(collection);
    }
  }

  /**
   * Story ids a later article of the run made smaller: articles of this run are rewritten (the
   * held document, or the sent one read back by real-time get), indexed stories found by id.
   */
  private void applyRenames(StoryClusters.Renames renames) throws IOException {
    List<String> sentKeys = new ArrayList<>();
    Map<String, String> sentStory = new LinkedHashMap<>();
    for (var e : renames.articles().entrySet()) {
      String key = keysThisRun.get(e.getKey());
      if (key == null) {
        continue; // deleted later in the run
      }
      SolrInputDocument held = pending.remove(key);
      if (held != null) {
        rekey(held, e.getValue(), e.getKey());
      } else {
        sentKeys.add(key);
        sentStory.put(key, e.getValue());
      }
    }
    if (!sentKeys.isEmpty()) {
      for (SolrDocument d : SolrRequests.getById(client, collection, sentKeys)) {
        rewrite(d, sentStory.get((String) d.getFirstValue(SolrFields.KEY)));
      }
    }
    for (var e : renames.stories().entrySet()) {
      SolrQuery q = SolrQueries.unscored("*:*").addFilterQuery(SolrQueries.term(SolrFields.STORY, e.getKey()))
          .setFields("*").setRows(StoryCandidates.MAX_CANDIDATES);
      for (SolrDocument d : SolrRequests.query(client, collection, q).getResults()) {
        rewrite(d, e.getValue());
      }
    }
  }

  private void rewrite(SolrDocument stored, String story) {
    String oldKey = (String) stored.getFirstValue(SolrFields.KEY);
    IndexedArticle a = SolrDocuments.indexed(stored);
    SolrInputDocument doc = documents.toDocument(a, story);
    vectors.add(doc, a.article()); // not stored, so embedded again
    pendingDeletes.add(oldKey);
    pending.put((String) doc.getFieldValue(SolrFields.KEY), doc);
    if (keysThisRun.containsKey(a.id())) {
      keysThisRun.put(a.id(), (String) doc.getFieldValue(SolrFields.KEY));
    }
  }

  private void rekey(SolrInputDocument doc, String story, String id) {
    String key = SolrDocuments.key(story, id);
    doc.setField(SolrFields.STORY, story);
    doc.setField(SolrFields.KEY, key);
    pending.put(key, doc);
    keysThisRun.put(id, key);
  }


  @Override
  public synchronized void rollback() throws IOException {
    done = true;
    pending.clear();
    pendingDeletes.clear();
    if (rebuild) {
      collections.delete(collection);
    } else if (sentSome) {
      log.warn("rollback on {}: the articles already sent stay (SolrCloud cannot roll back)", collection);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (!done) {
      rollback();
    }
  }
}

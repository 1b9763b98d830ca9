package io.newssearch.solr;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.cloud.DocCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster changes {@link SolrCollections} asks for (create and delete a collection, point the
 * alias, upload the configset), each safe to try twice.
 *
 * <p>Such a call may have been carried out although its answer never came (the connection broke
 * after the request went out; the answer took longer than the client waits), and sending it again
 * blindly is wrong: a second CREATE fails as "already exists", or queues behind the first one still
 * running in the Overseer. So after a failure without an answer, a call first asks the cluster
 * what it did. Done: it is done (a collection created that way is waited for until all its replicas
 * are active, as the lost answer would have). Not done: it is sent once more, and if that copy
 * fails the cluster is asked again, since the first copy may have been carried out meanwhile. A
 * failure with an answer (Solr said no) stands.
 *
 * <p>The calls go as POST: the JDK's HTTP client resends on its own a GET whose pooled connection
 * turns out closed (as it may a Collections API GET), and a copy sent without checking is the
 * thing to avoid here.
 */
final class SolrAdminCalls {

  private static final Logger log = LoggerFactory.getLogger(SolrAdminCalls.class);
  /** How long a collection created without an answer may take until all its replicas are active. */
  static final Duration CREATE_WAIT = Duration.ofSeconds(120);

  private final SolrCloudClient client;
  private final Sender sender;

  SolrAdminCalls(SolrCloudClient client) {
    this(client, request -> client.request(request));
  }

  /** @param sender how a call reaches the cluster (tests put one in that loses answers) */
  SolrAdminCalls(SolrCloudClient client, Sender sender) {
    this.client = client;
    this.sender = sender;
  }

  @FunctionalInterface
  interface Sender {
    void send(SolrRequest<?> request) throws SolrServerException, IOException;
  }

  @FunctionalInterface
  private interface Check {
    /** True when the cluster shows the call carried out. */
    boolean done() throws IOException;
  }

  void createCollection(String collection, String configSet, int shards, int replicas) throws IOException {
    CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(collection, configSet, shards, replicas);
    create.setWaitForFinalState(true);
    create.setMethod(SolrRequest.METHOD.POST);
    if (!send(create, "create collection " + collection, () -> collections().contains(collection))) {
      awaitActive(collection, shards, replicas);
    }
  }

  void deleteCollection(String collection) throws IOException {
    CollectionAdminRequest.Delete delete = CollectionAdminRequest.deleteCollection(collection);
    delete.setMethod(SolrRequest.METHOD.POST);
    send(delete, "delete collection " + collection, () -> !collections().contains(collection));
  }

  void pointAlias(String alias, String collection) throws IOException {
    CollectionAdminRequest.CreateAlias point = CollectionAdminRequest.createAlias(alias, collection);
    point.setMethod(SolrRequest.METHOD.POST);
    send(point, "point alias " + alias + " at " + collection, () -> collection.equals(aliases().get(alias)));
  }

  /** A collection property (kept in ZooKeeper beside the collection, deleted with it). */
  void setCollectionProperty(String collection, String name, String value) throws IOException {
    CollectionAdminRequest.CollectionProp set = CollectionAdminRequest.setCollectionProperty(collection, name, value);
    set.setMethod(SolrRequest.METHOD.POST);
    send(set, "set property " + name + " of collection " + collection,
        () -> client.getClusterStateProvider() instanceof ZkClientClusterStateProvider zk
            && value.equals(zk.getZkStateReader().getCollectionProperties(collection).get(name)));
  }

  /** With overwrite: a second copy writes the same files again (the name carries their hash). */
  void uploadConfigSet(String name, File zip) throws IOException {
    ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload()
        .setConfigSetName(name)
        .setUploadFile(zip, "application/zip")
        .setOverwrite(true)
        .setCleanup(true);
    send(upload, "upload configset " + name, () -> false);
  }

  /** Every collection of the cluster, asked of it (not this client's cached view). */
  List<String> collections() throws IOException {
    try {
      return CollectionAdminRequest.listCollections(client);
    } catch (SolrServerException | RuntimeException e) {
      throw new IOException("cannot list the cluster's collections: " + e.getMessage(), e);
    }
  }

  private Map<String, String> aliases() throws IOException {
    try {
      return new CollectionAdminRequest.ListAliases().process(client).getAliases();
    } catch (SolrServerException | RuntimeException e) {
      throw new IOException("cannot list the cluster's aliases: " + e.getMessage(), e);
    }
  }

  /** @return true when Solr answered, false when no answer came but the cluster shows it done */
  private boolean send(SolrRequest<?> request, String what, Check check) throws IOException {
    Exception unanswered;
    try {
      sender.send(request);
      return true;
    } catch (SolrServerException | IOException | RuntimeException e) {
      if (SolrRequests.status(e) != 0) {
        throw failure(what, e);
      }
      log.warn("SolrCloud: no answer to '{}' ({}); asking the cluster what it did before sending it again", what, e.getMessage());
      if (done(check, e)) {
        log.info("SolrCloud: '{}' was carried out", what);
        return false;
      }
      unanswered = e;
    }
    try {
      sender.send(request);
      return true;
    } catch (SolrServerException | IOException | RuntimeException e) {
      if (done(check, e)) { // the first copy was carried out after all, which is why this one failed
        log.info("SolrCloud: '{}' was carried out by its first copy", what);
        return false;
      }
      e.addSuppressed(unanswered);
      throw failure(what, e);
    }
  }

  private static boolean done(Check check, Exception failure) throws IOException {
    try {
      return check.done();
    } catch (IOException e) {
      e.addSuppressed(failure);
      throw e;
    }
  }

  /**
   * Waits until every replica of a collection created without an answer is active. One that does
   * not get there in time is half made: it is deleted, rather than left for searches to find.
   */
  private void awaitActive(String collection, int shards, int replicas) throws IOException {
    if (!(client.getClusterStateProvider() instanceof ZkClientClusterStateProvider zk)) {
      return;
    }
    try {
      zk.getZkStateReader().waitForState(collection, CREATE_WAIT.toSeconds(), TimeUnit.SECONDS,
          (live, c) -> DocCollection.isFullyActive(live, c, shards, replicas));
    } catch (TimeoutException e) {
      deleteCollection(collection);
      throw new IOException("SolrCloud: collection " + collection + " was created without an answer and not all of its "
          + shards + " × " + replicas + " replicas became active within " + CREATE_WAIT.toSeconds()
          + " s, so it was deleted; check the cluster's live nodes and try again", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static IOException failure(String what, Exception e) {
    return new IOException("cannot " + what + ": " + e.getMessage(), e);
  }
}

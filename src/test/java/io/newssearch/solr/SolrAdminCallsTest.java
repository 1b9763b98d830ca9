package io.newssearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.common.cloud.DocCollection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Collections API calls whose connection fails without an answer, on a real cluster: the call may
 * have been carried out (the answer was lost) or not (the request never arrived), and each is
 * settled by asking the cluster, never by a blind second copy.
 */
class SolrAdminCallsTest {

  static SolrCloudClient client;
  static String configSet;

  @BeforeAll
  static void connect() throws Exception {
    String zk = SolrTestCluster.shared().zk();
    client = SolrCloudClient.connect(zk);
    new SolrCollections(client, new SolrSettings(zk, "admin_calls")).uploadConfigSet();
    configSet = SolrConfigSet.current().name();
  }

  @AfterAll
  static void close() throws Exception {
    client.close();
  }

  /** Sends every call; the first one loses its answer (after it reached the cluster, or before). */
  private static final class Flaky implements SolrAdminCalls.Sender {
    private final boolean reachesCluster;
    private final AtomicBoolean failed = new AtomicBoolean();
    final List<String> sent = new ArrayList<>();

    Flaky(boolean reachesCluster) {
      this.reachesCluster = reachesCluster;
    }

    @Override
    public void send(SolrRequest<?> request) throws org.apache.solr.client.solrj.SolrServerException, IOException {
      String action = request.getParams().get("action");
      boolean first = failed.compareAndSet(false, true);
      if (!first || reachesCluster) {
        sent.add(action);
        client.request(request);
      }
      if (first) {
        throw new IOException("EOF reached while reading");
      }
    }
  }

  @Test
  void a_create_carried_out_whose_answer_was_lost_is_found_done_and_not_sent_again() throws Exception {
    assertCreatedByOneCopy(new Flaky(true), "lost_answer", 2, 1);
  }

  @Test
  void a_create_that_never_arrived_is_sent_again() throws Exception {
    assertCreatedByOneCopy(new Flaky(false), "never_arrived", 1, 2);
  }

  /** Exactly one CREATE reached the cluster (a second would fail as "already exists"), and it is whole. */
  private static void assertCreatedByOneCopy(Flaky sender, String collection, int shards, int replicas) throws Exception {
    new SolrAdminCalls(client, sender).createCollection(collection, configSet, shards, replicas);
    assertEquals(List.of("CREATE"), sender.sent);
    assertFullyActive(client, collection, shards, replicas);
  }

  /**
   * Every replica of the collection active on a live node, as this client sees the cluster: its
   * view follows ZooKeeper a moment later, so it is given a few seconds to catch up.
   */
  static void assertFullyActive(SolrCloudClient client, String collection, int shards, int replicas) throws Exception {
    var zk = ((ZkClientClusterStateProvider) client.getClusterStateProvider()).getZkStateReader();
    try {
      zk.waitForState(collection, 10, TimeUnit.SECONDS, (live, c) -> DocCollection.isFullyActive(live, c, shards, replicas));
    } catch (TimeoutException e) {
      fail(collection + " does not have all its " + shards + " × " + replicas + " replicas active: "
          + zk.getClusterState().getCollectionOrNull(collection));
    }
  }

  @Test
  void an_alias_move_and_a_delete_whose_answers_were_lost_are_found_done() throws Exception {
    SolrAdminCalls calls = new SolrAdminCalls(client);
    calls.createCollection("alias_target", configSet, 1, 1);

    Flaky point = new Flaky(true);
    new SolrAdminCalls(client, point).pointAlias("lost_alias", "alias_target");
    assertEquals(List.of("CREATEALIAS"), point.sent);
    assertEquals("alias_target", new CollectionAdminRequest.ListAliases().process(client).getAliases().get("lost_alias"),
        "the alias, as the cluster has it (this client's view follows a moment later)");

    calls.createCollection("to_delete", configSet, 1, 1);
    Flaky delete = new Flaky(true);
    new SolrAdminCalls(client, delete).deleteCollection("to_delete");
    assertEquals(List.of("DELETE"), delete.sent);
    assertFalse(calls.collections().contains("to_delete"));
  }

  @Test
  void a_call_solr_refused_is_not_sent_again() throws Exception {
    List<String> sent = new ArrayList<>();
    SolrAdminCalls calls = new SolrAdminCalls(client, request -> {
      sent.add(request.getParams().get("action"));
      client.request(request);
    });
    IOException e = assertThrows(IOException.class, () -> calls.createCollection("no_configset", "missing-configset", 1, 1));
    assertTrue(e.getMessage().contains("create collection no_configset"), e.getMessage());
    assertEquals(List.of("CREATE"), sent);
  }
}

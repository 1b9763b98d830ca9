package io.newssearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;

/**
 * A Solr node closes a connection left idle past its idle timeout (Jetty's: 260 s in the test
 * cluster, 1 s here). A client that sat idle longer than that must still search, write and create
 * collections, each on its first try.
 *
 * <p>The requests go to {@link SolrCloudClient} itself, not through {@link SolrRequests}, whose
 * pauses and retries (meant for a cluster that recovers: a node going down, a leader election)
 * would hide a transport that fails.
 */
class SolrIdleConnectionTest {

  private static final Duration NODE_IDLE_TIMEOUT = Duration.ofSeconds(1);
  /** Past the node's idle timeout, with room for a loaded machine. */
  private static final long IDLE_MS = 2_500;

  @Test
  void a_search_a_write_and_a_collection_create_after_the_node_closed_the_idle_connections_succeed() throws Exception {
    try (SolrTestCluster cluster = SolrTestCluster.start(1, NODE_IDLE_TIMEOUT);
        SolrCloudClient client = SolrCloudClient.connect(cluster.zk())) {
      SolrCollections collections = new SolrCollections(client, new SolrSettings(cluster.zk(), "idle", 1, 1));
      String live = collections.ensureLive();
      write(client, live, "first"); // each kind of request has gone out once: its connections are pooled

      Thread.sleep(IDLE_MS);
      assertEquals(1, count(client, live), "a search after the node closed the idle connections");

      Thread.sleep(IDLE_MS);
      write(client, live, "second");
      assertEquals(2, count(client, live), "a write after the node closed the idle connections");

      Thread.sleep(IDLE_MS);
      String next = collections.createNew();
      assertNotEquals(live, next);
      assertTrue(collections.generations().contains(next), "a collection create after the node closed the idle connections");
      SolrAdminCallsTest.assertFullyActive(client, next, 1, 1);
    }
  }

  /** One document (only the fields the schema requires), committed. */
  private static void write(SolrCloudClient client, String collection, String id) throws Exception {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(SolrFields.KEY, SolrDocuments.key(id, id));
    doc.setField(SolrFields.ID, id);
    UpdateRequest add = new UpdateRequest();
    add.add(doc);
    add.setAction(UpdateRequest.ACTION.COMMIT, true, true);
    client.request(add, collection);
  }

  private static long count(SolrCloudClient client, String collection) throws Exception {
    return client.query(collection, new SolrQuery("*:*").setRows(0), SolrRequest.METHOD.POST).getResults().getNumFound();
  }
}

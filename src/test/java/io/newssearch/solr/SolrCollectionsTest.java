package io.newssearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The alias and its generations on a real cluster: first collection, rebuild swap, clean-up. */
class SolrCollectionsTest {

  static SolrCloudClient client;

  @BeforeAll
  static void connect() throws Exception {
    client = SolrCloudClient.connect(SolrTestCluster.shared().zk());
  }

  @AfterAll
  static void close() throws Exception {
    client.close();
  }

  @Test
  void first_index_creates_a_collection_and_an_alias_and_rebuilds_move_the_alias() throws Exception {
    SolrCollections c = new SolrCollections(client, new SolrSettings(SolrTestCluster.shared().zk(), "gens", 2, 2));
    assertEquals(Optional.empty(), c.live());

    String first = c.ensureLive();
    assertTrue(c.isAlias());
    assertEquals(Optional.of(first), c.live());
    assertEquals(first, c.ensureLive(), "a second call finds the same collection");

    String second = c.createNew();
    assertEquals(Optional.of(first), c.live(), "a new collection is not live until published");
    c.publish(second);
    assertEquals(Optional.of(second), c.live());

    String third = c.createNew();
    String leftover = c.createNew(); // as if a rebuild was killed after creating it
    c.publish(leftover);
    assertEquals(Optional.of(leftover), c.live());
    assertFalse(c.generations().contains(first), "generations before the previous one are deleted");
    assertTrue(c.generations().contains(second), "the previous live collection is kept, to point back at");
    assertFalse(c.generations().contains(third), "leftovers older than the published one are deleted");
  }

  @Test
  void a_rebuild_refuses_to_replace_a_collection_made_by_hand() throws Exception {
    SolrCollections c = new SolrCollections(client, new SolrSettings(SolrTestCluster.shared().zk(), "byhand"));
    c.uploadConfigSet();
    CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection("byhand", SolrConfigSet.current().name(), 1, 1);
    create.setWaitForFinalState(true);
    create.process(client);
    assertEquals(Optional.of("byhand"), c.live());
    assertFalse(c.isAlias());
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, c::createNew);
    assertTrue(e.getMessage().contains("not an alias"), e.getMessage());
  }
}

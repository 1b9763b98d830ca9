package io.newssearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.TestIndexes;
import io.newssearch.article.Article;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writes into a collection: what was sent in an earlier batch is still replaced and deleted right. */
class SolrIndexTargetTest {

  static Article article(String id, int n) {
    return TestIndexes.article(id, "en", "2025-03-01", "Harbour report " + n,
        "Report " + n + " from the harbour office about berth " + (n % 17) + " and crane " + (n % 13) + ".", "Desk");
  }

  @Test
  void a_delete_after_versions_sent_in_earlier_batches_leaves_no_version_behind() throws Exception {
    try (SolrEngine engine = new SolrEngine(new SolrSettings(SolrTestCluster.shared().zk(), "target_batches", 2, 2))) {
      SolrDocuments docs = new SolrDocuments();
      try (SolrIndexTarget t = new SolrIndexTarget(engine.client(), engine.collections(), docs, engine.vectors(), true,
          SolrIndexTarget.Visibility.HARD)) {
        t.upsert(article("victim", 0));
        for (int i = 1; i <= SolrIndexTarget.BATCH + 10; i++) {
          t.upsert(article("filler-" + i, i)); // the first batch, "victim" in it, goes out
        }
        assertTrue(t.upsert(article("victim", 0)), "a second version of an id written in this run");
        assertTrue(t.delete("victim"));
        t.commit();
      }
      assertTrue(engine.search().article("victim").isEmpty(), "no version of the deleted article remains");
      assertEquals(SolrIndexTarget.BATCH + 10, engine.search().count());
    }
  }

  @Test
  void an_update_tells_new_articles_from_indexed_ones_with_one_lookup_per_batch() throws Exception {
    try (SolrEngine engine = new SolrEngine(new SolrSettings(SolrTestCluster.shared().zk(), "target_updates", 2, 2))) {
      engine.store().upsert(List.of(article("a", 1), article("b", 2)));
      SolrDocuments docs = new SolrDocuments();
      try (SolrIndexTarget t = new SolrIndexTarget(engine.client(), engine.collections(), docs, engine.vectors(), false,
          SolrIndexTarget.Visibility.SOFT)) {
        List<String> ids = new ArrayList<>(List.of("a", "b", "c"));
        t.expect(ids);
        assertTrue(t.upsert(article("a", 1)));
        assertTrue(t.upsert(article("b", 3)));
        assertFalse(t.upsert(article("c", 4)));
        t.commit();
      }
      assertEquals(3, engine.search().count());
      assertEquals("Harbour report 3", engine.search().article("b").orElseThrow().title());
    }
  }
}

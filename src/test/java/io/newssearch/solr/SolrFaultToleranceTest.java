package io.newssearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.TestProcesses;
import io.newssearch.article.Article;
import io.newssearch.index.IndexProgress;
import io.newssearch.index.IndexSummary;
import io.newssearch.index.Indexer;
import io.newssearch.search.SearchRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on a real cluster of its own (2 nodes, collections of 2 shards × 2 replicas, so each node
 * holds a copy of every shard): a node stopping under a stream of queries, writes while a node is
 * down, and an indexer killed half-way through a rebuild. Figures go to stdout (the test's report
 * file) for BENCHMARKS.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SolrFaultToleranceTest {

  static final int SAMPLE_ARTICLES = 71;

  SolrTestCluster cluster;
  @TempDir Path tmp;

  @BeforeAll
  void startCluster() throws Exception {
    cluster = SolrTestCluster.start(2);
  }

  @AfterAll
  void stopCluster() {
    cluster.close();
  }

  SolrEngine engine(String name) {
    return new SolrEngine(new SolrSettings(cluster.zk(), name, 2, 2), SolrTestCluster.LIMITS);
  }

  IndexSummary index(SolrEngine engine, Path corpus, boolean rebuild) throws Exception {
    return engine.indexer().run(new Indexer.Options(List.of(corpus), rebuild, false), IndexProgress.NONE);
  }

  @Test
  void every_query_keeps_the_full_count_while_a_node_stops_and_comes_back() throws Exception {
    try (SolrEngine engine = engine("outage")) {
      index(engine, Path.of("sample-corpus"), false);
      long expected = engine.search().count();
      assertEquals(SAMPLE_ARTICLES, expected);

      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger answered = new AtomicInteger();
      List<String> wrong = new ArrayList<>();
      Thread queries = new Thread(() -> {
        SearchRequest all = SearchRequest.builder().collapse(false).size(1).build();
        SearchRequest term = SearchRequest.builder().query("harbour OR ferry OR учения").collapse(false).size(5).build();
        long termTotal = -1;
        while (running.get()) {
          try {
            long n = engine.search().search(all).total();
            long t = engine.search().search(term).total();
            if (termTotal < 0) {
              termTotal = t;
            }
            if (n != expected || t != termTotal) {
              synchronized (wrong) {
                wrong.add("counts " + n + "/" + t + " at " + Instant.now());
              }
            }
            answered.addAndGet(2);
          } catch (Exception e) {
            synchronized (wrong) {
              wrong.add(e.toString());
            }
          }
        }
      }, "queries");
      queries.start();
      Thread.sleep(1_000);
      int before = answered.get();
      long stopAt = System.nanoTime();
      cluster.stopNode(1);
      Thread.sleep(4_000);
      int duringOutage = answered.get() - before;
      cluster.startNode(1);
      waitForActiveReplicas(engine, engine.collections().live().orElseThrow());
      long outageMs = (System.nanoTime() - stopAt) / 1_000_000;
      Thread.sleep(1_000);
      running.set(false);
      queries.join();

      System.out.printf("node outage: %d queries answered in all, %d while node 1 was down (4 s), "
          + "node back and replicas active after %d ms, %d wrong or failed%n", answered.get(), duringOutage, outageMs,
          wrong.size());
      assertEquals(List.of(), wrong, "every query answered with the full count");
      assertTrue(duringOutage > 0, "queries were answered while the node was down");
    }
  }

  @Test
  void articles_written_while_a_node_is_down_reach_every_replica_when_it_returns() throws Exception {
    try (SolrEngine engine = engine("catchup")) {
      index(engine, Path.of("sample-corpus"), false);
      String collection = engine.collections().live().orElseThrow();
      cluster.stopNode(1);
      List<Article> written = new ArrayList<>();
      try {
        for (int batch = 0; batch < 10; batch++) {
          List<Article> articles = new ArrayList<>();
          for (int i = 0; i < 10; i++) {
            articles.add(generated("down-" + batch + "-" + i, batch * 10 + i));
          }
          engine.store().upsert(articles);
          written.addAll(articles);
        }
        assertEquals(SAMPLE_ARTICLES + written.size(), engine.search().count(), "searchable while the node is down");
      } finally {
        cluster.startNode(1);
      }
      long start = System.nanoTime();
      waitForActiveReplicas(engine, collection);
      Map<String, Set<String>> byReplica = idsByReplica(engine, collection);
      System.out.printf("catch-up: %d articles written with node 1 down; replicas active again after %d ms; "
          + "per replica: %s%n", written.size(), (System.nanoTime() - start) / 1_000_000, counts(byReplica));

      Map<String, Set<String>> byShard = new TreeMap<>();
      for (var e : byReplica.entrySet()) {
        String shard = e.getKey().substring(0, e.getKey().indexOf('/'));
        Set<String> first = byShard.putIfAbsent(shard, e.getValue());
        if (first != null) {
          assertEquals(first, e.getValue(), "replicas of " + shard + " hold the same articles");
        }
      }
      Set<String> all = new TreeSet<>();
      byShard.values().forEach(all::addAll);
      assertEquals(SAMPLE_ARTICLES + written.size(), all.size(), "nothing lost");
      for (Article a : written) {
        assertTrue(all.contains(a.id()), a.id());
      }
    }
  }

  @Test
  void a_rebuild_killed_half_way_leaves_the_alias_on_the_old_whole_collection() throws Exception {
    Path corpus = tmp.resolve("big.jsonl");
    writeCorpus(corpus, 4_000);
    try (SolrEngine engine = engine("killed")) {
      index(engine, Path.of("sample-corpus"), false);
      String live = engine.collections().live().orElseThrow();
      Set<String> before = engine.collections().generations();

      Process indexer = TestProcesses.newssearch(tmp.resolve("cli.log"), "index", "--backend", "solr", "--zk", cluster.zk(), "--collection", "killed",
          "--rebuild", "--no-progress", "--corpus", corpus.toString());
      String leftover = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (leftover == null && System.nanoTime() < deadline && indexer.isAlive()) {
        Set<String> now = engine.collections().generations();
        now.removeAll(before);
        leftover = now.isEmpty() ? null : now.iterator().next();
        Thread.sleep(100);
      }
      assertTrue(leftover != null, "the rebuild created its collection");
      Thread.sleep(3_000); // well into indexing 4,000 articles
      assertTrue(indexer.isAlive(), "the rebuild is still running when it is killed");
      indexer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

      assertEquals(live, engine.collections().live().orElseThrow(), "the alias did not move");
      assertEquals(SAMPLE_ARTICLES, engine.search().count(), "readers still see the whole old collection");
      assertTrue(engine.collections().generations().contains(leftover), "the half-built collection is left over");
      System.out.printf("killed rebuild: alias still on %s with %d articles; leftover %s%n", live,
          engine.search().count(), leftover);

      IndexSummary again = index(engine, Path.of("sample-corpus"), true);
      assertTrue(again.committed());
      assertFalse(engine.collections().generations().contains(leftover), "the next rebuild removed the leftover");
      assertTrue(engine.collections().generations().contains(live), "and kept the previous live collection");
      assertEquals(SAMPLE_ARTICLES, engine.search().count());
    }
  }

  @Test
  void a_cluster_with_every_node_down_is_a_503_and_answers_again_when_they_return() throws Exception {
    try (SolrEngine engine = engine("down")) {
      index(engine, Path.of("sample-corpus"), false);
      io.javalin.Javalin app = io.newssearch.http.App.create(engine.search()).start("127.0.0.1", 0);
      try {
        cluster.stopNode(0);
        cluster.stopNode(1);
        long start = System.nanoTime();
        var down = io.newssearch.TestHttp.send(app.port(), "GET", "/api/search?q=ferry", null, null);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, down.status(), String.valueOf(down.body()));
        assertEquals("backend_unavailable", down.body().at("/error/code").asText());
        cluster.startNode(0);
        cluster.startNode(1);
        waitForActiveReplicas(engine, engine.collections().live().orElseThrow());
        var back = io.newssearch.TestHttp.send(app.port(), "GET", "/api/search?q=ferry", null, null);
        assertEquals(200, back.status(), String.valueOf(back.body()));
        assertTrue(back.body().get("total").asLong() > 0);
        System.out.printf("all nodes down: 503 backend_unavailable after %d ms of retries; 200 again once back%n", ms);
      } finally {
        app.stop();
      }
    }
  }

  private static Article generated(String id, int n) {
    String[] words = {"harbour", "council", "budget", "ferry", "storm", "school", "bridge", "market", "festival",
        "hospital", "railway", "election", "museum", "river", "factory", "library"};
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      body.append(words[(n * 7 + i * (n % 5 + 1)) % words.length]).append(i % 9 == 8 ? ". " : " ");
    }
    return new Article(id, "https://news.example/" + id, "Generated report " + id + " on the " + words[n % words.length],
        body + " Report number " + n + ".", Instant.parse("2025-01-01T00:00:00Z").plusSeconds(3600L * n), "en",
        List.of("Generated"), "Test Wire", null);
  }

  private static void writeCorpus(Path file, int articles) throws IOException {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    StringBuilder lines = new StringBuilder();
    for (int n = 0; n < articles; n++) {
      Article a = generated("gen-" + n, n);
      lines.append(json.writeValueAsString(Map.of("id", a.id(), "title", a.title(), "body", a.body(),
          "date", a.published().toString(), "language", "en", "source", a.source()))).append('\n');
    }
    Files.writeString(file, lines, StandardCharsets.UTF_8);
  }

  /** Until every replica of the collection is active on a live node. */
  static void waitForActiveReplicas(SolrEngine engine, String collection) throws Exception {
    var state = (ZkClientClusterStateProvider) engine.client().getClusterStateProvider();
    state.getZkStateReader().waitForState(collection, 120, TimeUnit.SECONDS, (live, c) -> c != null
        && c.getReplicas().stream().allMatch(r -> r.getState() == Replica.State.ACTIVE && live.contains(r.getNodeName())));
  }

  /** The article ids each replica holds, asked of the replica itself ({@code distrib=false}), by "shard/replica". */
  static Map<String, Set<String>> idsByReplica(SolrEngine engine, String collection) throws Exception {
    DocCollection c = engine.client().getClusterStateProvider().getCollection(collection);
    Map<String, Set<String>> out = new TreeMap<>();
    for (Slice slice : c.getSlices()) {
      for (Replica r : slice.getReplicas()) {
        SolrQuery q = new SolrQuery("*:*").setFields(SolrFields.ID).setRows(10_000);
        q.set("distrib", false);
        Set<String> ids = new TreeSet<>();
        var replica = new QueryResponse(engine.client().requestTo(r.getCoreUrl(), new QueryRequest(q)), null);
        for (SolrDocument d : replica.getResults()) {
          ids.add((String) d.getFirstValue(SolrFields.ID));
        }
        out.put(slice.getName() + "/" + r.getName(), ids);
      }
    }
    return out;
  }

  private static Map<String, Integer> counts(Map<String, Set<String>> byReplica) {
    Map<String, Integer> out = new TreeMap<>();
    byReplica.forEach((k, v) -> out.put(k, v.size()));
    return out;
  }
}

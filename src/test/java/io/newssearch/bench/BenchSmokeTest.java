package io.newssearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.lucene.LuceneEngine;
import io.newssearch.index.IndexProgress;
import io.newssearch.index.Indexer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmarks on the small sample corpus: they run end to end and return sane values (not timings). */
class BenchSmokeTest {

  private static final List<Path> SAMPLE = List.of(Path.of("sample-corpus"));

  @TempDir Path dir;

  @Test
  void index_benchmark_reports_both_systems_and_every_phase() throws Exception {
    IndexBenchmark.Result r = IndexBenchmark.run(SAMPLE, 1, dir, Duration.ZERO, true);
    assertEquals(r.articles(), r.bare().get(0).articles());
    assertTrue(r.pipeline().get(0).articles() > 50, "pipeline indexed " + r.pipeline().get(0).articles());
    assertTrue(r.pipeline().get(0).indexBytes() > 0 && r.bare().get(0).indexBytes() > 0);
    IndexBenchmark.Phases p = r.phases().get(0);
    assertTrue(p.parse() > 0 && p.detect() > 0 && p.tagsAndEnrich() > 0 && p.index() > 0, p.toString());
  }

  @Test
  void query_benchmark_measures_every_type_for_newssearch_and_all_but_facets_for_bare_lucene() throws Exception {
    Path index = dir.resolve("ix");
    try (LuceneEngine engine = new LuceneEngine(index)) {
      engine.indexer().run(new Indexer.Options(SAMPLE, true, false), IndexProgress.NONE);
    }
    var r = QueryBenchmark.run(index, new QueryBenchmark.Options(7, 3, 1, 1, 0.1));
    for (var l : r.latencies()) {
      boolean expectEmpty = l.system().equals("bare Lucene") && l.type().equals("facets");
      assertEquals(expectEmpty, l.count() == 0, l.toString());
    }
    assertTrue(r.qps().values().stream().allMatch(q -> q > 0), r.qps().toString());
  }

  @Test
  void nrt_benchmark_counts_only_the_writes_after_its_warm_up() throws Exception {
    // 2 writers × (1 warm-up + 3 counted) over HTTP; 1 warm-up + 3 counted store writes; 1 rebuild
    NrtBenchmark.Result r = NrtBenchmark.run(SAMPLE, dir.resolve("nrt"), 3, 1, 2, 1);
    assertEquals(3, r.store().size());
    assertEquals(6, r.http().size());
    assertEquals(1, r.rebuild().size());
    assertTrue(r.http().stream().allMatch(ms -> ms > 0), r.http().toString());
    assertTrue(r.articles() > 50, "index of " + r.articles());
  }

  @Test
  void wrk_report_is_parsed_into_microseconds() {
    String out = """
        Running 10s test @ http://127.0.0.1:8080
          2 threads and 8 connections
          Latency Distribution
             50%  812.00us
             75%    1.25ms
             90%    2.50ms
             99%    1.10s
          12345 requests in 10.00s, 50.00MB read
          Non-2xx or 3xx responses: 3
        Requests/sec:   1234.50
        """;
    var l = HttpBenchmark.parse(out, 8, 1);
    assertEquals(1234.5, l.requestsPerSecond(), 1e-9);
    assertEquals(812, l.p50(), 1e-9);
    assertEquals(1250, l.p75(), 1e-9);
    assertEquals(2500, l.p90(), 1e-9);
    assertEquals(1_100_000, l.p99(), 1e-9);
    assertEquals(3, l.errors());
  }
}

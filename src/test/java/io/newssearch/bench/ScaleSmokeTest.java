package io.newssearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** bench scale end to end on the small sample corpus: real child JVMs, real HTTP; values, not timings. */
class ScaleSmokeTest {

  private static final List<Path> SAMPLE = List.of(Path.of("sample-corpus"));

  @TempDir Path dir;

  @Test
  @Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
  void one_run_measures_indexing_and_every_system_and_writes_json_and_markdown() throws Exception {
    var o = new ScaleBenchmark.Options(SAMPLE, dir.resolve("work"), "smoke", "256m", "256m", List.of(),
        Duration.ofMinutes(3), Duration.ofMinutes(1), Duration.ofMillis(500), Duration.ZERO, 42, 2, 1, 1,
        Duration.ofMinutes(1), 0, 1, true);
    ScaleResult r = ScaleBenchmark.run(o, System.out);

    var ix = r.indexing();
    assertEquals(ChildJvm.Outcome.FINISHED, ix.child().outcome(), String.join("\n", ix.child().lastLines()));
    assertTrue(ix.articles() > 50 && ix.articlesPerSecond() > 0, "indexed " + ix.articles());
    assertEquals(r.articles(), ix.bare().articles());
    assertTrue(ix.indexBytes() > 0 && ix.bare().bytes() > 0);
    assertEquals(r.articles(), ix.sqlite().articles());
    assertTrue(ix.child().peakRssBytes() > 0, "RSS sampled from /proc");
    assertTrue(ix.child().maxHeapAfterGcBytes() > 0 || ix.child().heap().isEmpty(), "heap read from the GC log");
    assertEquals(ChildJvm.Outcome.STOPPED, r.server().outcome());
    assertTrue(r.queries().problems().isEmpty(), r.queries().problems().toString());
    for (String system : List.of(ScaleResult.HTTP, ScaleResult.IN_PROCESS, ScaleResult.BARE)) {
      for (String type : ScaleQueries.TYPES) {
        var l = r.queries().latencies().stream().filter(x -> x.system().equals(system) && x.type().equals(type)).findFirst();
        assertTrue(l.isPresent() && l.get().count() > 0 && l.get().p50() > 0, system + " " + type + ": " + l);
      }
    }
    for (String type : List.of("term", "or", "and", "phrase")) {
      assertTrue(r.queries().latencies().stream().anyMatch(x -> x.system().equals(ScaleResult.SQLITE)
          && x.type().equals(type) && x.count() > 0), "SQLite answers " + type);
    }
    assertTrue(r.queries().stories() > 0 && r.queries().stories() <= r.queries().storyArticles());

    ScaleReport.write(r, dir.resolve("out"));
    var back = ScaleReport.readAll(dir.resolve("out"));
    assertEquals(1, back.size());
    assertEquals(r.queries().latencies(), back.get(0).queries().latencies());
    String md = ScaleReport.markdown(back);
    assertTrue(md.contains("| smoke | " + String.format(java.util.Locale.ROOT, "%,d", r.articles()) + " | term |"), md);
    assertTrue(md.contains("finished"), md);
  }

  @Test
  @Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
  void a_child_that_uses_no_cpu_for_the_stall_window_is_killed_and_reported_as_hung() throws Exception {
    // a server on an empty index idles: to the watcher it looks exactly like an indexer blocked forever
    // (the key lets serve start on an empty index, which API writes would fill)
    var spec = new ChildJvm.Spec("idle", "128m", List.of(), List.of("serve", "--index", dir.resolve("ix").toString(),
        "--admin-key", "idle-key", "--port", "0"), dir, Duration.ofMinutes(5), Duration.ofSeconds(4), Duration.ofMillis(500));
    ChildJvm.Result r;
    try (ChildJvm child = ChildJvm.start(spec)) {
      r = child.await();
    }
    // HANG, not TIMEOUT: killed for the idle window, long before the time limit (start-up alone may
    // take a minute on a loaded machine, hence the generous limit)
    assertEquals(ChildJvm.Outcome.HANG, r.outcome(), r.seconds() + " s\n" + String.join("\n", r.lastLines()));
  }

  @Test
  void gc_log_lines_become_heap_points() throws Exception {
    Path log = dir.resolve("gc.log");
    Files.writeString(log, """
        [0.012s] Using G1
        [1.500s] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 25M->4M(256M) 3.123ms
        [1.900s] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 30M->6M(256M) 2.000ms
        [4.100s] GC(2) Pause Young (Concurrent Start) (G1 Humongous Allocation) 1G->512M(1024M) 9.000ms
        [4.200s] GC(2) Concurrent Mark Cycle 12.345ms
        [5,300s] GC(3) Pause Full (G1 Compaction Pause) 900M->700K(1024M) 99.000ms
        """);
    var gcs = GcLog.read(log);
    assertEquals(4, gcs.size());
    assertEquals(512L << 20, GcLog.maxAfter(gcs));
    var points = GcLog.series(gcs, 2);
    assertEquals(List.of(new GcLog.Point(2, 6L << 20, 256L << 20), new GcLog.Point(6, 512L << 20, 1024L << 20)), points);
  }
}

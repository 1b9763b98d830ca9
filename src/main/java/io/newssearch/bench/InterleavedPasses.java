package io.newssearch.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Runs the same queries on several systems, pass by pass, the systems' order rotating each pass so
 * none always meets the machine first: warm-up passes, then measured ones, each latency into a
 * histogram per system and query type. A time budget bounds the whole (a broad query can take
 * seconds on a large index): warm-up stops at a third of it, measuring at all of it, after at least
 * one measured pass. A system that fails is dropped with the reason, and the others go on.
 */
final class InterleavedPasses {

  /** One system under test; false when it does not answer this type of query (nothing is recorded). */
  @FunctionalInterface
  interface Searcher {
    boolean search(QueryCase q) throws IOException;
  }

  private final Map<String, Searcher> systems;
  private final List<QueryCase> queries;
  private final Map<String, Map<String, Histogram>> histograms = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private int warmupPasses;
  private int measuredPasses;

  InterleavedPasses(Map<String, Searcher> systems, List<QueryCase> queries) {
    this.systems = new LinkedHashMap<>(systems);
    this.queries = queries;
    systems.keySet().forEach(s -> {
      Map<String, Histogram> byType = new LinkedHashMap<>();
      ScaleQueries.TYPES.forEach(t -> byType.put(t, new Histogram(600_000_000L, 3)));
      histograms.put(s, byType);
    });
  }

  void run(int warmup, int passes, Duration budget) {
    long start = System.nanoTime();
    for (int p = 0; p < warmup && System.nanoTime() - start < budget.toNanos() / 3; p++) {
      pass(p, false);
      warmupPasses++;
    }
    for (int p = 0; p < passes && (p == 0 || System.nanoTime() - start < budget.toNanos()); p++) {
      pass(p, true);
      measuredPasses++;
    }
  }

  private void pass(int rotation, boolean record) {
    List<String> order = new ArrayList<>(systems.keySet());
    if (!order.isEmpty()) java.util.Collections.rotate(order, rotation % order.size());
    for (String name : order) {
      Searcher s = systems.get(name);
      try {
        for (QueryCase q : queries) {
          long t = System.nanoTime();
          boolean answered = s.search(q);
          long micros = Math.max(1, (System.nanoTime() - t) / 1000);
          if (record && answered) histograms.get(name).get(q.type()).recordValue(Math.min(micros, 600_000_000L));
        }
      } catch (IOException | RuntimeException e) {
        problems.add(name + " dropped: " + e.getMessage());
        systems.remove(name);
      }
    }
  }

  List<ScaleResult.Latency> latencies() {
    List<ScaleResult.Latency> out = new ArrayList<>();
    for (String type : ScaleQueries.TYPES) {
      histograms.forEach((system, byType) -> {
        Histogram h = byType.get(type);
        out.add(new ScaleResult.Latency(type, system, h.getTotalCount(),
            h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(50),
            h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(99)));
      });
    }
    return out;
  }

  List<String> problems() {
    return problems;
  }

  int warmupPasses() {
    return warmupPasses;
  }

  int measuredPasses() {
    return measuredPasses;
  }
}

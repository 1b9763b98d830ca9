package io.newssearch.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Writes each {@code bench scale} run as JSON ({@code scale-<label>-<articles>.json}) and the
 * Markdown of every run found beside it ({@code scale.md}), so runs at several sizes, on different
 * days, before and after a change, make one growth table to paste into BENCHMARKS.md.
 */
public final class ScaleReport {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  /** Heap values shown per run; longer series are folded, keeping each group's largest value. */
  private static final int HEAP_POINTS = 30;

  private ScaleReport() {}

  /** @return the JSON file written */
  public static Path write(ScaleResult r, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("scale-" + r.label().replaceAll("[^\\w.-]+", "_") + "-" + r.articles() + ".json");
    JSON.writeValue(file.toFile(), r);
    return file;
  }

  /** Every run in the folder, by label then size. */
  public static List<ScaleResult> readAll(Path dir) throws IOException {
    List<ScaleResult> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().matches("scale-.*\\.json")).sorted().toList()) {
        out.add(JSON.readValue(f.toFile(), ScaleResult.class));
      }
    }
    out.sort(Comparator.comparing(ScaleResult::label).thenComparingLong(ScaleResult::articles));
    return out;
  }

  public static String markdown(List<ScaleResult> runs) {
    StringBuilder md = new StringBuilder();
    md.append("#### Indexing (`index --rebuild` in its own JVM; bare Lucene in the benchmark's JVM, parsing included)\n\n")
        .append("| label | articles | -Xmx | outcome | articles/s | bare Lucene articles/s | ratio | SQLite FTS5 articles/s | index MB (bare) "
            + "| index heap after GC, max MiB | index peak RSS MiB | serve: heap after GC, max MiB / peak RSS MiB | load start → end |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (ScaleResult r : runs) {
      var ix = r.indexing();
      var c = ix.child();
      md.append(row(r.label(), n(r.articles()), c.xmx(), outcome(c), ix.articlesPerSecond() == 0 ? "—" : n(ix.articlesPerSecond()),
          ix.bare() == null ? "—" : n(ix.bare().articlesPerSecond()), ratio(ix.ratioToBare()),
          ix.sqlite() == null ? "—" : n(ix.sqlite().articlesPerSecond()),
          mb(ix.indexBytes()) + " (" + (ix.bare() == null ? "—" : mb(ix.bare().bytes())) + ")", mib(c.maxHeapAfterGcBytes()),
          mib(c.peakRssBytes()), r.server() == null ? "—" : mib(r.server().maxHeapAfterGcBytes()) + " / " + mib(r.server().peakRssBytes()),
          r.loadStart() + " → " + r.loadEnd()));
    }
    md.append("\n#### Queries, p50 / p99 in ms (one client; HTTP over one kept-alive connection)\n\n")
        .append("| label | articles | type | newssearch HTTP | newssearch in-process | bare Lucene | SQLite FTS5 "
            + "| HTTP / bare (p50) | in-process / bare (p50) |\n")
        .append("|---|---|---|---|---|---|---|---|---|\n");
    for (ScaleResult r : runs) {
      for (String type : ScaleQueries.TYPES) {
        ScaleResult.Latency http = latency(r, type, ScaleResult.HTTP), local = latency(r, type, ScaleResult.IN_PROCESS),
            bare = latency(r, type, ScaleResult.BARE), sqlite = latency(r, type, ScaleResult.SQLITE);
        boolean comparable = !type.equals("browse"); // bare Lucene counts no facets
        md.append(row(r.label(), n(r.articles()), type + (comparable ? "" : " (bare: no facets)"), ms(http), ms(local),
            ms(bare), ms(sqlite), comparable ? ratio(p50(http) / p50(bare)) : "—", comparable ? ratio(p50(local) / p50(bare)) : "—"));
      }
    }
    md.append("\n#### Notes per run\n\n");
    for (ScaleResult r : runs) {
      md.append(notes(r));
    }
    return md.toString();
  }

  private static String notes(ScaleResult r) {
    StringBuilder md = new StringBuilder();
    var q = r.queries();
    md.append(String.format(Locale.ROOT, "- **%s, %s articles** (%s, commit %s, %s): %d queries, %d warm-up + %d measured passes",
        r.label(), n(r.articles()), r.corpus(), r.commit(), r.started(), q.queries(), q.warmupPasses(), q.measuredPasses()));
    if (q.stories() >= 0) {
      md.append(String.format(Locale.ROOT, "; browse of everything: %s stories for %s articles", n(q.stories()), n(q.storyArticles())));
    }
    if (q.timedOut() > 0) md.append("; ").append(q.timedOut()).append(" HTTP answers timed_out");
    if (q.wrk() != null) {
      var w = q.wrk();
      md.append(String.format(Locale.ROOT, "; wrk, term queries, %d connections: %s req/s, p50 %.1f ms, p99 %.1f ms, %d errors",
          w.connections(), n(w.requestsPerSecond()), w.p50() / 1000, w.p99() / 1000, w.errors()));
    }
    md.append(".\n");
    md.append("  - index heap after GC (time s:MiB): ").append(heap(r.indexing().child().heap())).append('\n');
    if (r.server() != null) md.append("  - serve heap after GC (time s:MiB): ").append(heap(r.server().heap())).append('\n');
    for (String p : q.problems()) md.append("  - ").append(p).append('\n');
    if (r.indexing().child().outcome() != ChildJvm.Outcome.FINISHED) {
      md.append("  - last lines of the index run:\n\n```\n").append(String.join("\n", r.indexing().child().lastLines()))
          .append("\n```\n");
    }
    return md.toString();
  }

  private static String outcome(ChildJvm.Result c) {
    return switch (c.outcome()) {
      case FINISHED -> String.format(Locale.ROOT, "finished, %.0f s", c.seconds());
      case FAILED -> String.format(Locale.ROOT, "**failed** (exit %d) after %.0f s", c.exitCode(), c.seconds());
      case HANG -> String.format(Locale.ROOT, "**hung** (no CPU), killed after %.0f s", c.seconds());
      case TIMEOUT -> String.format(Locale.ROOT, "**timed out**, killed after %.0f s", c.seconds());
      case STOPPED -> "stopped";
    };
  }

  /** The heap series folded to at most {@link #HEAP_POINTS} values, each the largest of its group. */
  static String heap(List<GcLog.Point> points) {
    if (points.isEmpty()) return "no collection logged";
    int group = (points.size() + HEAP_POINTS - 1) / HEAP_POINTS;
    List<String> out = new ArrayList<>();
    for (int i = 0; i < points.size(); i += group) {
      GcLog.Point max = points.get(i);
      for (int k = i; k < Math.min(points.size(), i + group); k++) {
        if (points.get(k).afterGcBytes() > max.afterGcBytes()) max = points.get(k);
      }
      out.add(String.format(Locale.ROOT, "%.0f:%d", points.get(Math.min(points.size(), i + group) - 1).seconds(),
          max.afterGcBytes() >> 20));
    }
    return String.join(" ", out);
  }

  private static ScaleResult.Latency latency(ScaleResult r, String type, String system) {
    return r.queries().latencies().stream().filter(l -> l.type().equals(type) && l.system().equals(system)
        && l.count() > 0).findFirst().orElse(null);
  }

  private static double p50(ScaleResult.Latency l) {
    return l == null ? Double.NaN : l.p50();
  }

  private static String ms(ScaleResult.Latency l) {
    return l == null ? "—" : fmtMs(l.p50()) + " / " + fmtMs(l.p99());
  }

  private static String fmtMs(double micros) {
    double ms = micros / 1000;
    return String.format(Locale.ROOT, ms < 10 ? "%.2f" : ms < 100 ? "%.1f" : "%.0f", ms);
  }

  private static String ratio(double r) {
    return Double.isNaN(r) || Double.isInfinite(r) ? "—" : String.format(Locale.ROOT, r < 10 ? "%.2f" : "%.1f", r);
  }

  private static String n(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String mb(long bytes) {
    return bytes <= 0 ? "—" : String.format(Locale.ROOT, "%,.0f", bytes / 1e6);
  }

  private static String mib(long bytes) {
    return bytes <= 0 ? "—" : String.format(Locale.ROOT, "%,d", bytes >> 20);
  }

  private static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }
}

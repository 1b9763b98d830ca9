package io.newssearch.bench;

import java.util.List;

/**
 * Everything one {@code bench scale} run measured, as written to its JSON file and read back for the
 * growth table. Latencies in microseconds, sizes in bytes, times in seconds.
 *
 * @param label what was measured (a branch, "before", "after"); runs are grouped by it
 * @param loadStart load averages (1, 5, 15 min) when the run started
 * @param loadEnd load averages when it ended
 */
public record ScaleResult(String label, String corpus, long articles, String started, String commit, String loadStart,
    String loadEnd, Indexing indexing, Queries queries, ChildJvm.Result server) {

  /**
   * @param child the {@code index --rebuild} process
   * @param articles articles the run reported as indexed (0 when it did not finish)
   * @param seconds indexing time as the run reported it (JVM start-up excluded), else the child's wall time
   * @param indexBytes the index on disk after the run
   * @param bare the bare-Lucene build over the same files
   * @param sqlite the SQLite FTS5 build over the same files, or null
   */
  public record Indexing(ChildJvm.Result child, long articles, double seconds, long indexBytes, Bare bare, Bare sqlite) {
    public double articlesPerSecond() {
      return articles == 0 ? 0 : articles / seconds;
    }

    public double ratioToBare() {
      return bare == null || articlesPerSecond() == 0 ? Double.NaN : articlesPerSecond() / bare.articlesPerSecond();
    }
  }

  /** A baseline's build: articles, seconds (parsing included), bytes on disk. */
  public record Bare(long articles, double seconds, long bytes) {
    public double articlesPerSecond() {
      return articles / seconds;
    }
  }

  /** Latency of one query type on one system. */
  public record Latency(String type, String system, long count, double p50, double p99) {}

  /**
   * @param problems what went wrong in the query phase (a system dropped, wrk missing), in words
   * @param timedOut responses over HTTP that said {@code timed_out: true}
   * @param stories stories newssearch counts for the browse of everything (collapse by story), -1 if not measured
   * @param wrk the wrk run over term queries, or null
   */
  public record Queries(int queries, int warmupPasses, int measuredPasses, List<Latency> latencies,
      List<String> problems, long timedOut, long stories, long storyArticles, HttpBenchmark.Level wrk) {}

  public static final String HTTP = "newssearch HTTP";
  public static final String IN_PROCESS = "newssearch in-process";
  public static final String BARE = "bare Lucene";
  public static final String SQLITE = "SQLite FTS5";
}

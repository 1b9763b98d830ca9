package io.newssearch.bench;

import io.newssearch.lucene.LuceneEngine;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SearchService;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * newssearch at one corpus size, as a user meets it, against bare Lucene on the same articles, in
 * one run: {@code index --rebuild} in its own JVM with a given heap (time, rate, size, peak RSS,
 * heap over time, and whether it finished, failed or hung), a bare-Lucene build in this JVM, then
 * the same queries through {@code serve} in its own JVM over HTTP, through
 * {@link SearchService#search} in this JVM and through bare Lucene, interleaved pass by pass, and a
 * wrk run of term queries at many connections; optionally SQLite FTS5 as a third system. Ratios
 * come from this one run. Neither the server nor the service in this JVM keeps answers
 * ({@code serve --result-cache 0}): the passes ask each query again, and a kept answer would
 * measure the cache instead of the search.
 */
public final class ScaleBenchmark {

  /** How to run. {@code heap} is the indexer's -Xmx, {@code serveHeap} the server's. */
  public record Options(List<Path> corpus, Path work, String label, String heap, String serveHeap,
      List<String> jvmOptions, Duration timeout, Duration stall, Duration sampleEvery, Duration pause, long seed,
      int perType, int warmup, int passes, Duration queryBudget, int wrkConnections, int wrkSeconds, boolean sqlite) {}

  private static final Pattern INDEXED = Pattern.compile("^indexed\\s+([\\d,.\\u00a0\\u202f ]+?)\\s+new articles");
  private static final Pattern UPDATED = Pattern.compile("^updated\\s+([\\d,.\\u00a0\\u202f ]+?)\\s+articles");
  private static final Pattern TOOK = Pattern.compile("^took\\s+([\\d.,]+) s");

  private ScaleBenchmark() {}

  public static ScaleResult run(Options o, PrintStream log) throws IOException, InterruptedException {
    String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    String loadStart = Measure.loadAverage();
    String commit = Measure.gitCommit(); // now: the working tree may change while a long run goes on
    Files.createDirectories(o.work());
    Path index = o.work().resolve("newssearch-index");
    Path bareIndex = o.work().resolve("bare-lucene-index");
    Path sqliteFile = o.work().resolve("sqlite-fts5.db");

    log.printf("[scale] index --rebuild in a child JVM, -Xmx%s (log: %s)%n", o.heap(), o.work().resolve("index.log"));
    Measure.pause(o.pause());
    ScaleResult.Indexing indexing = indexNewssearch(o, index);
    log.printf("[scale] newssearch: %s, %.0f articles/s%n", indexing.child().outcome(), indexing.articlesPerSecond());

    log.println("[scale] bare Lucene build in this JVM");
    Measure.pause(o.pause());
    BareLucene.Build b = BareLucene.build(o.corpus(), bareIndex);
    log.printf("[scale] bare Lucene: %.0f articles/s%n", b.articlesPerSecond());
    ScaleResult.Bare sqlite = null;
    if (o.sqlite()) {
      log.println("[scale] SQLite FTS5 build in this JVM");
      Measure.pause(o.pause());
      sqlite = SqliteFts.build(o.corpus(), sqliteFile);
      log.printf("[scale] SQLite FTS5: %.0f articles/s%n", sqlite.articlesPerSecond());
    }
    indexing = new ScaleResult.Indexing(indexing.child(), indexing.articles(), indexing.seconds(), indexing.indexBytes(),
        new ScaleResult.Bare(b.articles(), b.seconds(), b.bytes()), sqlite);

    boolean built = indexing.child().outcome() == ChildJvm.Outcome.FINISHED;
    ScaleResult.Queries queries;
    ChildJvm.Result server = null;
    try (BareLucene bare = new BareLucene(bareIndex); SqliteFts fts = o.sqlite() ? new SqliteFts(sqliteFile) : null) {
      List<QueryCase> cases = ScaleQueries.draw(bare.reader(), o.seed(), o.perType());
      Map<String, InterleavedPasses.Searcher> systems = new LinkedHashMap<>();
      List<String> problems = new ArrayList<>();
      if (!built) {
        problems.add("newssearch not measured: its index run " + indexing.child().outcome().name().toLowerCase());
      }
      Measure.pause(o.pause());
      int port = freePort();
      ChildJvm serve = built ? startServer(o, index, port) : null;
      try (serve; HttpSearchClient http = serve == null ? null : new HttpSearchClient(port);
          LuceneEngine local = built ? new LuceneEngine(index).keepingAnswers(0) : null) {
        if (serve != null) {
          try {
            http.awaitReady(serve, o.timeout());
            systems.put(ScaleResult.HTTP, q -> http.get(q.url()) > 0);
          } catch (IOException e) {
            problems.add(ScaleResult.HTTP + " not measured: " + e.getMessage() + " (see " + serve.outputLog() + ")");
          }
        }
        SearchService search = local == null ? null : local.search();
        if (search != null) systems.put(ScaleResult.IN_PROCESS, q -> search.search(QueryBenchmark.request(q)) != null);
        systems.put(ScaleResult.BARE, q -> bare.search(q) >= 0);
        if (fts != null) systems.put(ScaleResult.SQLITE, fts::search);
        log.printf("[scale] %d queries on %s: %d warm-up and %d measured passes at most, budget %s%n", cases.size(),
            systems.keySet(), o.warmup(), o.passes(), o.queryBudget());
        InterleavedPasses passes = new InterleavedPasses(systems, cases);
        passes.run(o.warmup(), o.passes(), o.queryBudget());
        problems.addAll(passes.problems());
        long[] stories = search == null ? new long[] {-1, -1} : stories(search);
        HttpBenchmark.Level wrk = systems.containsKey(ScaleResult.HTTP) ? wrk(o, port, cases, problems, log) : null;
        queries = new ScaleResult.Queries(cases.size(), passes.warmupPasses(), passes.measuredPasses(),
            passes.latencies(), problems, http == null ? 0 : http.timedOut(), stories[0], stories[1], wrk);
        if (serve != null) {
          if (!serve.isAlive()) problems.add("the server exited during the run");
          server = serve.stop();
        }
      }
    }
    return new ScaleResult(o.label(), o.corpus().toString(), b.articles(), started, commit, loadStart,
        Measure.loadAverage(), indexing, queries, server);
  }

  private static ScaleResult.Indexing indexNewssearch(Options o, Path index) throws IOException, InterruptedException {
    Measure.deleteTree(index);
    List<String> args = new ArrayList<>(List.of("index", "--index", index.toString(), "--rebuild", "--no-progress",
        "--corpus", String.join(",", o.corpus().stream().map(Path::toString).toList())));
    ChildJvm.Result r;
    try (ChildJvm child = ChildJvm.start(new ChildJvm.Spec("index", o.heap(), o.jvmOptions(), args, o.work(),
        o.timeout(), o.stall(), o.sampleEvery()))) {
      r = child.await();
    }
    if (r.outcome() != ChildJvm.Outcome.FINISHED) {
      return new ScaleResult.Indexing(r, 0, r.seconds(), Files.exists(index) ? Measure.sizeOf(index) : 0, null, null);
    }
    long articles = 0;
    double seconds = r.seconds();
    for (String line : r.lastLines()) {
      Matcher m;
      if ((m = INDEXED.matcher(line)).find() || (m = UPDATED.matcher(line)).find()) {
        articles += Long.parseLong(m.group(1).replaceAll("\\D", ""));
      } else if ((m = TOOK.matcher(line)).find()) {
        seconds = Double.parseDouble(m.group(1).replace(',', '.'));
      }
    }
    return new ScaleResult.Indexing(r, articles, seconds, Measure.sizeOf(index), null, null);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static ChildJvm startServer(Options o, Path index, int port) throws IOException {
    // Every search computed: the passes ask each query again, which kept answers would serve.
    List<String> args = List.of("serve", "--index", index.toString(), "--port", Integer.toString(port),
        "--result-cache", "0");
    return ChildJvm.start(new ChildJvm.Spec("serve", o.serveHeap(), o.jvmOptions(), args, o.work(),
        null, null, o.sampleEvery()));
  }

  /** Stories and articles in the browse of everything: copies collapsed into their stories. */
  private static long[] stories(SearchService search) throws IOException {
    SearchResult r = search.search(QueryBenchmark.request(
        new QueryCase("browse", "", false, null, null, null, null, true)));
    return new long[] {r.total(), r.totalArticles()};
  }

  private static HttpBenchmark.Level wrk(Options o, int port, List<QueryCase> cases, List<String> problems,
      PrintStream log) throws IOException {
    if (o.wrkConnections() < 1) {
      return null;
    }
    String missing = HttpBenchmark.wrkMissing();
    if (missing != null) {
      problems.add(missing);
      return null;
    }
    List<String> urls = HttpBenchmark.urls(cases.stream().filter(q -> q.type().equals("term")).toList());
    Path script = HttpBenchmark.script(urls, o.work());
    try {
      log.printf("[scale] wrk: %d term queries, %d connections, %d s%n", urls.size(), o.wrkConnections(), o.wrkSeconds());
      return HttpBenchmark.run(port, script, o.wrkConnections(), o.wrkSeconds(), 1);
    } catch (IOException e) {
      problems.add("wrk: " + e.getMessage());
      return null;
    } finally {
      Files.deleteIfExists(script);
    }
  }
}

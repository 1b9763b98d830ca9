package io.newssearch.bench;

import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.lucene.IndexHandle;
import io.newssearch.lucene.IndexLayout;
import io.newssearch.lucene.Schema;
import io.newssearch.lucene.search.LuceneSearchService;
import io.newssearch.search.Facet;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SortOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * Query latency over one index: the newssearch search core ({@link LuceneSearchService#search}:
 * query building per language, top-10, facets, snippets, stored fields, did-you-mean) against bare
 * Lucene over the same index files (classic QueryParser on the body field with the same analyzer,
 * the same filters as Lucene clauses, top-10, stored title). Warm-up passes, then measured passes,
 * the two systems interleaved pass by pass; latencies into one HdrHistogram per type and system.
 */
public final class QueryBenchmark {

  /** Latency of one query type for one system, microseconds. */
  public record Latency(String type, String system, long count, double p50, double p90, double p99) {}

  /**
   * @param latencies wall-clock time per query, per type and system
   * @param cpu the query thread's CPU time per query: what a query costs, which a loaded machine
   *     (other processes taking the cores) does not inflate the way it inflates wall-clock time
   */
  public record Result(int queries, int measuredPasses, List<Latency> latencies, List<Latency> cpu,
      Map<String, Double> qps, long heapAfterGcBytes, long indexBytes, int articles) {}

  /** @param facets the facets newssearch's searches count ({@link Facet#ALL}, the default, as users get them) */
  public record Options(long seed, int perType, int warmupPasses, int passes, double qpsSeconds, Set<Facet> facets) {
    public static final Options DEFAULT = new Options(QuerySet.DEFAULT_SEED, 40, 10, 10, 5, Facet.ALL);

    public Options(long seed, int perType, int warmupPasses, int passes, double qpsSeconds) {
      this(seed, perType, warmupPasses, passes, qpsSeconds, Facet.ALL);
    }
  }

  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  private QueryBenchmark() {}

  public static Result run(Path indexRoot, Options o) throws IOException {
    IndexLayout layout = new IndexLayout(indexRoot);
    Path generation = layout.current().orElseThrow(() -> new IOException("no index at " + indexRoot));
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        var service = new LuceneSearchService(new IndexHandle(layout, IndexHandle.DEFAULT_REFRESH_INTERVAL), analyzers);
        FSDirectory dir = FSDirectory.open(generation);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      List<QueryCase> queries = QuerySet.draw(reader, o.seed(), o.perType());
      Bare bare = new Bare(new IndexSearcher(reader), analyzers.forLanguage(dominantLanguage(queries)));
      Both sys = new Both(service, bare, o.facets());

      for (int i = 0; i < o.warmupPasses(); i++) {
        sys.pass(queries, true, null);
        sys.pass(queries, false, null);
      }
      Map<String, Histogram> ours = histograms(), theirs = histograms();
      Map<String, Histogram> oursCpu = histograms(), theirsCpu = histograms();
      for (int i = 0; i < o.passes(); i++) {
        // alternate which goes first in each pass
        boolean oursFirst = i % 2 == 0;
        sys.pass(queries, oursFirst, oursFirst ? ours : theirs, oursFirst ? oursCpu : theirsCpu);
        sys.pass(queries, !oursFirst, oursFirst ? theirs : ours, oursFirst ? theirsCpu : oursCpu);
      }
      List<Latency> latencies = new ArrayList<>();
      List<Latency> cpu = new ArrayList<>();
      for (String type : QueryCase.TYPES) {
        latencies.add(latency(type, "newssearch", ours.get(type)));
        latencies.add(latency(type, "bare Lucene", theirs.get(type)));
        cpu.add(latency(type, "newssearch", oursCpu.get(type)));
        cpu.add(latency(type, "bare Lucene", theirsCpu.get(type)));
      }
      Map<String, Double> qps = new LinkedHashMap<>();
      List<QueryCase> comparable = queries.stream().filter(QueryCase::bareComparable).toList();
      for (int threads = 1; threads <= 2; threads++) {
        qps.put("newssearch, " + threads + " thread" + (threads > 1 ? "s" : ""), sys.qps(comparable, true, threads, o.qpsSeconds()));
        qps.put("bare Lucene, " + threads + " thread" + (threads > 1 ? "s" : ""), sys.qps(comparable, false, threads, o.qpsSeconds()));
      }
      return new Result(queries.size(), o.passes(), latencies, cpu, qps, Measure.heapAfterGcBytes(),
          Measure.sizeOf(generation), reader.numDocs());
    }
  }

  private static String dominantLanguage(List<QueryCase> queries) {
    return queries.stream().map(QueryCase::language).filter(Objects::nonNull)
        .collect(Collectors.groupingBy(l -> l, Collectors.counting()))
        .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("en");
  }

  static Map<String, Histogram> histograms() {
    Map<String, Histogram> m = new LinkedHashMap<>();
    QueryCase.TYPES.forEach(t -> m.put(t, new Histogram(60_000_000L, 3)));
    return m;
  }

  static Latency latency(String type, String system, Histogram h) {
    return new Latency(type, system, h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
        h.getValueAtPercentile(99));
  }

  /** Both systems behind one call, so passes, QPS and HTTP use the same code path. */
  private record Both(LuceneSearchService service, Bare bare, Set<Facet> facets) {

    void pass(List<QueryCase> queries, boolean ours, Map<String, Histogram> record) {
      pass(queries, ours, record, null);
    }

    void pass(List<QueryCase> queries, boolean ours, Map<String, Histogram> record, Map<String, Histogram> cpu) {
      for (QueryCase q : queries) {
        if (!ours && !q.bareComparable()) {
          continue;
        }
        long c = THREADS.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        run(q, ours);
        long micros = (System.nanoTime() - t) / 1000;
        long cpuMicros = (THREADS.getCurrentThreadCpuTime() - c) / 1000;
        if (record != null) {
          record.get(q.type()).recordValue(Math.max(1, micros));
        }
        if (cpu != null) {
          cpu.get(q.type()).recordValue(Math.max(1, cpuMicros));
        }
      }
    }

    void run(QueryCase q, boolean ours) {
      try {
        if (ours) {
          service.search(request(q, facets));
        } else {
          bare.search(q);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * Queries per second over about {@code seconds}, {@code threads} threads each cycling the list;
     * each thread runs at least one query, so a very short window on a slow machine still measures.
     */
    double qps(List<QueryCase> queries, boolean ours, int threads, double seconds) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        List<Future<Long>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int offset = t * queries.size() / threads;
          done.add(pool.submit(() -> {
            long n = 0;
            for (int i = offset; n == 0 || System.nanoTime() < deadline; i++) {
              run(queries.get(i % queries.size()), ours);
              n++;
            }
            return n;
          }));
        }
        long total = 0;
        for (Future<Long> f : done) {
          total += f.get();
        }
        return total / ((System.nanoTime() - start) / 1e9);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  static SearchRequest request(QueryCase q) {
    return request(q, Facet.ALL);
  }

  static SearchRequest request(QueryCase q, Set<Facet> facets) {
    return SearchRequest.builder()
        .facets(facets)
        .query(q.text())
        .matchAll(q.matchAll())
        .from(q.from())
        .to(q.to())
        .languages(q.language() == null ? List.of() : List.of(q.language()))
        .tags(q.tag() == null ? List.of() : List.of(q.tag()))
        .sort(q.sortByDate() ? SortOrder.DATE : SortOrder.RELEVANCE)
        .build();
  }

  /** Bare Lucene: parse, filter, top-10, stored title. The parser is not thread-safe: one per call. */
  record Bare(IndexSearcher searcher, Analyzer analyzer) {

    private static final Sort BY_DATE = new Sort(new SortField(Schema.PUBLISHED, SortField.Type.LONG, true));

    int search(QueryCase q) throws IOException {
      QueryParser parser = new QueryParser(Schema.BODY, analyzer);
      parser.setDefaultOperator(q.matchAll() ? QueryParser.Operator.AND : QueryParser.Operator.OR);
      Query main;
      try {
        main = parser.parse(q.text());
      } catch (ParseException e) {
        throw new IllegalArgumentException(e);
      }
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(main, Occur.MUST);
      if (q.from() != null) b.add(LongPoint.newRangeQuery(Schema.PUBLISHED, q.from().toEpochMilli(), q.to().toEpochMilli()), Occur.FILTER);
      if (q.language() != null) b.add(KeywordField.newExactQuery(Schema.LANGUAGE, q.language()), Occur.FILTER);
      if (q.tag() != null) b.add(KeywordField.newExactQuery(Schema.TAGS_KEYWORD, q.tag()), Occur.FILTER);
      TopDocs top = q.sortByDate() ? searcher.search(b.build(), 10, BY_DATE) : searcher.search(b.build(), 10);
      var stored = searcher.storedFields();
      int chars = 0;
      for (ScoreDoc sd : top.scoreDocs) {
        chars += stored.document(sd.doc, Set.of(Schema.TITLE)).get(Schema.TITLE).length();
      }
      return chars;
    }
  }
}

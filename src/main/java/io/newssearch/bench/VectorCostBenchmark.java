package io.newssearch.bench;

import io.newssearch.lucene.LuceneEngine;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.eval.VectorCache;
import io.newssearch.lucene.ArticleDocuments;
import io.newssearch.index.IndexProgress;
import io.newssearch.index.Indexer;
import io.newssearch.lucene.LuceneIndexTarget;
import io.newssearch.lucene.Schema;
import io.newssearch.index.StrictModeException;
import io.newssearch.ingest.ArticlePreparer;
import io.newssearch.ingest.ParsedCorpus;
import io.newssearch.lucene.IndexHandle;
import io.newssearch.search.SearchLimits;
import io.newssearch.search.SearchMode;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchService;
import io.newssearch.semantic.Embedder;
import io.newssearch.semantic.EmbeddingText;
import io.newssearch.semantic.VectorFields;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;

/**
 * What vectors cost on a real corpus. Embedding: every article's title + lede once, timed (2
 * threads), kept in the cache. Indexing: the prepared articles written as the engine's documents
 * with and without the vector field (int8 HNSW), interleaved runs, size on disk and articles/s
 * (embedding excluded, reported beside). Then the corpus through the engine as {@code index
 * --rebuild} and {@code index --rebuild --vectors} run it (embedding included), timed, with the size
 * of each index. Queries: p50 of a search through the engine in
 * each mode (page of 10, the API default otherwise), of embedding the query, and of kNN over the
 * quantized graph at k = 10 and 100.
 */
public final class VectorCostBenchmark {

  /** One index build. */
  public record Build(boolean vectors, long nanos, long bytes) {}

  /** Milliseconds per query, median over the query set, by part. */
  public record Latency(double lexicalSearch, double embedQuery, double knn10, double knn100, double lexicalTop100,
      double semanticSearch, double hybridSearch) {}

  /**
   * @param engine the engine's rebuilds of the corpus ({@code index --rebuild}), without vectors
   *     and with them (embedding included)
   */
  public record Result(int articles, double embedPerSecond, List<Build> builds, Latency latency, int queries,
      List<Build> engine) {}

  private static final int WRITER_THREADS = 2;

  private VectorCostBenchmark() {}

  public static Result run(List<Path> corpus, Path work, Embedder embedder, int runs, Duration pause)
      throws IOException {
    ArticlePreparer preparer = ArticlePreparer.standard();
    List<Article> articles = new ArrayList<>();
    for (Article raw : ParsedCorpus.read(corpus).articles()) {
      ArticlePreparer.Prepared p = preparer.prepare(raw);
      if (p.problems().isEmpty()) {
        articles.add(p.article());
      }
    }
    List<String> texts = articles.stream().map(a -> EmbeddingText.of(a.title(), a.body())).toList();
    long t = System.nanoTime();
    float[][] vectors = new VectorCache(work.resolve("vectors")).vectors("bench-docs", texts, embedder);
    double embedRate = texts.size() / ((System.nanoTime() - t) / 1e9); // a cache hit shows as very fast

    List<Build> builds = new ArrayList<>();
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers()) {
      ArticleDocuments documents = new ArticleDocuments(analyzers);
      for (int run = 0; run < runs; run++) {
        for (boolean withVectors : new boolean[] {false, true}) {
          Measure.pause(pause);
          builds.add(build(work.resolve((withVectors ? "with" : "without") + "-vectors"), articles, vectors,
              documents, withVectors));
        }
      }
    }
    List<String> queries = queries(articles, 200);
    List<Build> engine = new ArrayList<>();
    Measure.pause(pause);
    engine.add(engineRebuild(corpus, work.resolve("engine-plain"), false));
    Measure.pause(pause);
    Latency latency = latency(corpus, work, queries, embedder, engine);
    return new Result(articles.size(), embedRate, builds, latency, queries.size(), engine);
  }

  /** The corpus through the engine as {@code index --rebuild [--vectors]} runs it, timed, and its size. */
  private static Build engineRebuild(List<Path> corpus, Path dir, boolean vectors) throws IOException {
    Measure.deleteTree(dir);
    try (LuceneEngine engine = new LuceneEngine(dir, IndexHandle.DEFAULT_REFRESH_INTERVAL, SearchLimits.DEFAULTS,
        vectors)) {
      long start = System.nanoTime();
      engine.indexer().run(new Indexer.Options(corpus, true, false), IndexProgress.NONE);
      return new Build(vectors, System.nanoTime() - start, Measure.sizeOf(dir));
    } catch (StrictModeException e) {
      throw new IllegalStateException("not strict, cannot happen", e);
    }
  }

  private static Build build(Path dir, List<Article> articles, float[][] vectors, ArticleDocuments documents,
      boolean withVectors) throws IOException {
    Measure.deleteTree(dir);
    IndexWriterConfig config = new IndexWriterConfig(Schema.queryAnalyzer(new StandardAnalyzer()))
        .setRAMBufferSizeMB(LuceneIndexTarget.DEFAULT_RAM_BUFFER_MB);
    if (withVectors) {
      config.setCodec(VectorFields.codec());
    }
    long start = System.nanoTime();
    try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, config)) {
      ExecutorService pool = Executors.newFixedThreadPool(WRITER_THREADS);
      try {
        List<Future<?>> parts = new ArrayList<>();
        for (int p = 0; p < WRITER_THREADS; p++) {
          int part = p;
          parts.add(pool.submit(() -> {
            for (int i = part; i < articles.size(); i += WRITER_THREADS) {
              Document doc = documents.toDocument(articles.get(i));
              if (withVectors) {
                doc.add(VectorFields.field(vectors[i]));
              }
              w.addDocument(doc);
            }
            return null;
          }));
        }
        for (Future<?> f : parts) {
          f.get();
        }
      } catch (Exception e) {
        throw new IOException("indexing failed", e);
      } finally {
        pool.shutdown();
      }
      w.commit();
    }
    return new Build(withVectors, System.nanoTime() - start, Measure.sizeOf(dir));
  }

  /** Headlines of seeded-random articles, without stopwords: natural queries of 2 to 8 words. */
  private static List<String> queries(List<Article> articles, int n) {
    Random random = new Random(QuerySet.DEFAULT_SEED);
    List<String> out = new ArrayList<>();
    while (out.size() < n) {
      List<String> words = QuerySet.words(articles.get(random.nextInt(articles.size())).title());
      if (words.size() >= 2) {
        out.add(String.join(" ", words.subList(0, Math.min(8, words.size()))));
      }
    }
    return out;
  }

  /** Rebuilds the corpus through the engine with vectors (added to {@code engineBuilds}), then times its searches. */
  private static Latency latency(List<Path> corpus, Path work, List<String> queries, Embedder embedder,
      List<Build> engineBuilds) throws IOException {
    Path engineDir = work.resolve("engine");
    engineBuilds.add(engineRebuild(corpus, engineDir, true));
    try (LuceneEngine engine = new LuceneEngine(engineDir, IndexHandle.DEFAULT_REFRESH_INTERVAL,
            SearchLimits.DEFAULTS, false);
        FSDirectory d = FSDirectory.open(work.resolve("with-vectors"));
        DirectoryReader reader = DirectoryReader.open(d)) {
      SearchService search = engine.search();
      IndexSearcher searcher = new IndexSearcher(reader);
      float[][] q = new float[queries.size()][];
      // warm-up passes, then the timed one right after (BENCHMARK-NOTES.md)
      for (int pass = 0; pass < 5; pass++) {
        for (int i = 0; i < queries.size(); i++) {
          for (SearchMode mode : SearchMode.values()) {
            search.search(SearchRequest.builder().query(queries.get(i)).mode(mode).build());
          }
          q[i] = embedder.embed(queries.get(i));
          knn(searcher, q[i], 100);
        }
      }
      List<Double> lexical = new ArrayList<>(), lexical100 = new ArrayList<>(), embed = new ArrayList<>(),
          knn10 = new ArrayList<>(), knn100 = new ArrayList<>(), semantic = new ArrayList<>(), hybrid = new ArrayList<>();
      for (int i = 0; i < queries.size(); i++) {
        long s0 = System.nanoTime();
        search.search(SearchRequest.builder().query(queries.get(i)).mode(SearchMode.SEMANTIC).build());
        long s1 = System.nanoTime();
        search.search(SearchRequest.builder().query(queries.get(i)).mode(SearchMode.HYBRID).build());
        long s2 = System.nanoTime();
        semantic.add((s1 - s0) / 1e6);
        hybrid.add((s2 - s1) / 1e6);
        long t0 = System.nanoTime();
        search.search(SearchRequest.builder().query(queries.get(i)).mode(SearchMode.LEXICAL).build());
        long t1 = System.nanoTime();
        search.search(SearchRequest.builder().query(queries.get(i)).size(SearchRequest.MAX_SIZE).collapse(false)
            .mode(SearchMode.LEXICAL).build());
        long t2 = System.nanoTime();
        embedder.embed(queries.get(i));
        long t3 = System.nanoTime();
        knn(searcher, q[i], 10);
        long t4 = System.nanoTime();
        knn(searcher, q[i], 100);
        long t5 = System.nanoTime();
        lexical.add((t1 - t0) / 1e6);
        lexical100.add((t2 - t1) / 1e6);
        embed.add((t3 - t2) / 1e6);
        knn10.add((t4 - t3) / 1e6);
        knn100.add((t5 - t4) / 1e6);
      }
      return new Latency(Measure.median(lexical), Measure.median(embed), Measure.median(knn10), Measure.median(knn100),
          Measure.median(lexical100), Measure.median(semantic), Measure.median(hybrid));
    }
  }

  /** kNN and the stored id and title of each hit, as a result page needs. */
  private static void knn(IndexSearcher searcher, float[] vector, int k) throws IOException {
    var stored = searcher.storedFields();
    for (ScoreDoc sd : searcher.search(VectorFields.nearest(vector, k, null), k).scoreDocs) {
      stored.document(sd.doc, Set.of(Schema.ID, Schema.TITLE));
    }
  }
}

package io.newssearch.bench;

import io.newssearch.lucene.LuceneEngine;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.analysis.LanguageDetector;
import io.newssearch.analysis.LanguageDetectors;
import io.newssearch.article.Article;
import io.newssearch.lucene.ArticleDocuments;
import io.newssearch.lucene.IndexLayout;
import io.newssearch.index.IndexProgress;
import io.newssearch.index.Indexer;
import io.newssearch.lucene.LuceneIndexTarget;
import io.newssearch.index.StrictModeException;
import io.newssearch.ingest.ArticleEnricher;
import io.newssearch.ingest.ArticlePreparer;
import io.newssearch.ingest.ParsedCorpus;
import io.newssearch.ingest.TagExtractor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Indexes a corpus from scratch several times, interleaving three passes per run:
 *
 * <ul>
 *   <li>pipeline: the real thing, {@link Indexer#run} as {@code newssearch index --rebuild} does it
 *       (files → parse → detect language → extract tags → validate → documents → commit);
 *   <li>phases: the same work split into timed steps, to show which one costs most;
 *   <li>bare Lucene: the same articles, already parsed, title and body only, EnglishAnalyzer for an
 *       English corpus (else StandardAnalyzer), default IndexWriterConfig.
 * </ul>
 */
public final class IndexBenchmark {

  /** One timed pass. */
  public record Pass(int run, long articles, long nanos, long indexBytes, long peakHeapBytes) {
    public double articlesPerSecond() {
      return articles / (nanos / 1e9);
    }
  }

  /** The phases of one run, in nanoseconds. Tags and the rest of enrichment are one figure. */
  public record Phases(int run, long parse, long detect, long tagsAndEnrich, long index) {}

  public record Result(long articles, long inputBytes, String bareAnalyzer, List<Pass> pipeline,
      List<Pass> bare, List<Phases> phases, long detectorLoadNanos, List<Pass> pipelineOneThread) {}

  private IndexBenchmark() {}

  /**
   * @param compareOneThread also time the pipeline with a single enrichment thread, for the gain
   *     of {@link Indexer#DEFAULT_THREADS}
   */
  public static Result run(List<Path> corpus, int runs, Path work, Duration pause, boolean compareOneThread)
      throws IOException {
    return run(corpus, runs, work, pause, compareOneThread, true);
  }

  /** @param withPhases also run the timed-phases pass (a third pass per run) */
  public static Result run(List<Path> corpus, int runs, Path work, Duration pause, boolean compareOneThread,
      boolean withPhases) throws IOException {
    ParsedCorpus parsed = ParsedCorpus.read(corpus);
    boolean english = parsed.articles().stream().filter(a -> "en".equals(a.language())).count()
        >= 0.9 * parsed.articles().size();
    long loadStart = System.nanoTime();
    LanguageDetector detector = LanguageDetectors.standard(); // loads the model once per JVM
    long detectorLoad = System.nanoTime() - loadStart;
    List<Pass> pipeline = new ArrayList<>();
    List<Pass> bare = new ArrayList<>();
    List<Phases> phases = new ArrayList<>();
    List<Pass> oneThread = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      Measure.pause(pause);
      // alternate who goes first, so neither always meets the machine warmer
      if (run % 2 == 1) {
        pipeline.add(pipeline(corpus, run, work, Indexer.DEFAULT_THREADS));
        bare.add(bare(parsed.articles(), english, run, work));
      } else {
        bare.add(bare(parsed.articles(), english, run, work));
        pipeline.add(pipeline(corpus, run, work, Indexer.DEFAULT_THREADS));
      }
      if (compareOneThread) {
        oneThread.add(pipeline(corpus, run, work, 1));
      }
      if (withPhases) {
        phases.add(phases(corpus, detector, run, work));
      }
    }
    return new Result(parsed.articles().size(), parsed.bytes(),
        english ? "EnglishAnalyzer" : "StandardAnalyzer", pipeline, bare, phases, detectorLoad, oneThread);
  }

  private static Pass pipeline(List<Path> corpus, int run, Path work, int threads) throws IOException {
    Path dir = work.resolve("pipeline-" + run);
    Measure.deleteTree(dir);
    Measure.resetPeakHeap();
    long start = System.nanoTime();
    long articles;
    try (LuceneEngine engine = new LuceneEngine(dir)) {
      articles = engine.indexer(threads).run(new Indexer.Options(corpus, true, false), IndexProgress.NONE).articles();
    } catch (StrictModeException e) {
      throw new IllegalStateException("not strict, cannot happen", e);
    }
    long nanos = System.nanoTime() - start;
    Pass p = new Pass(run, articles, nanos, Measure.sizeOf(dir), Measure.peakHeapBytes());
    Measure.deleteTree(dir);
    return p;
  }

  private static Pass bare(List<Article> articles, boolean english, int run, Path work) throws IOException {
    Path dir = work.resolve("bare-" + run);
    Measure.deleteTree(dir);
    Measure.resetPeakHeap();
    long start = System.nanoTime();
    try (Analyzer analyzer = english ? new EnglishAnalyzer() : new StandardAnalyzer();
        FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(analyzer))) {
      for (Article a : articles) {
        Document doc = new Document();
        doc.add(new TextField("title", a.title() == null ? "" : a.title(), Store.YES));
        doc.add(new TextField("body", a.body() == null ? "" : a.body(), Store.NO));
        w.addDocument(doc);
      }
      w.commit();
    }
    long nanos = System.nanoTime() - start;
    Pass p = new Pass(run, articles.size(), nanos, Measure.sizeOf(dir), Measure.peakHeapBytes());
    Measure.deleteTree(dir);
    return p;
  }

  /** The pipeline's steps one after the other over the whole corpus, each timed. */
  private static Phases phases(List<Path> corpus, LanguageDetector detector, int run, Path work) throws IOException {
    ParsedCorpus parsed = ParsedCorpus.read(corpus);
    AtomicLong detectNanos = new AtomicLong();
    LanguageDetector timed = text -> {
      long t = System.nanoTime();
      try {
        return detector.detect(text);
      } finally {
        detectNanos.addAndGet(System.nanoTime() - t);
      }
    };
    ArticlePreparer preparer = new ArticlePreparer(new ArticleEnricher(timed, new TagExtractor()));
    long start = System.nanoTime();
    List<Article> ready = new ArrayList<>(parsed.articles().size());
    for (Article a : parsed.articles()) {
      ArticlePreparer.Prepared p = preparer.prepare(a);
      if (p.ok()) {
        ready.add(p.article());
      }
    }
    long enrich = System.nanoTime() - start;

    Path dir = work.resolve("phases-" + run);
    Measure.deleteTree(dir);
    long indexStart = System.nanoTime();
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers()) {
      LuceneIndexTarget target = new LuceneIndexTarget(new IndexLayout(dir), new ArticleDocuments(analyzers), true,
          LuceneIndexTarget.DEFAULT_RAM_BUFFER_MB);
      for (Article a : ready) {
        target.upsert(a);
      }
      target.commit();
    }
    long index = System.nanoTime() - indexStart;
    Measure.deleteTree(dir);
    return new Phases(run, parsed.parseNanos(), detectNanos.get(), enrich - detectNanos.get(), index);
  }
}

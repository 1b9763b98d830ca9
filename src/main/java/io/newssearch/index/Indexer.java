package io.newssearch.index;

import io.newssearch.article.Article;
import io.newssearch.ingest.ArticlePreparer;
import io.newssearch.ingest.CorpusFile;
import io.newssearch.ingest.CorpusWalker;
import io.newssearch.ingest.RecordSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds or updates an index from corpus files: walk → parse → enrich → validate → Document →
 * update by id → commit → summary.
 *
 * <p>Parsing runs on the calling thread; enrichment (language detection, tag extraction) and
 * analysis run on {@link #DEFAULT_THREADS} workers, an article going to the worker its id (or url,
 * or title) hashes to, so two versions of one article are applied in input order. Enrichment is
 * most of the cost (see BENCHMARKS.md), hence the workers.
 *
 * <p>Articles go to an {@link IndexTarget} as upserts by id, so reindexing never duplicates; a
 * rebuild target publishes only when committed. In strict mode any rejection or unreadable file
 * rolls the target back: nothing changes. A failed worker (out of memory included) ends the run at
 * once with the worker's message, and the target is rolled back: the published index stays as it
 * was.
 */
public final class Indexer {

  private static final Logger log = LoggerFactory.getLogger(Indexer.class);
  /** Rejections kept in the summary (every one is counted per file, and logged at debug level). */
  private static final int MAX_REPORTED_REJECTIONS = 1_000;

  /**
   * What to index and how.
   *
   * @param strict any rejected record or unreadable file fails the run, changing nothing
   * @param maxRejects more rejected records than this fail the run, changing nothing
   */
  public record Options(List<Path> corpus, boolean rebuild, boolean strict, long maxRejects) {
    public static final long NO_LIMIT = Long.MAX_VALUE;

    public Options(List<Path> corpus, boolean rebuild, boolean strict) {
      this(corpus, rebuild, strict, NO_LIMIT);
    }
  }

  /** Opens where this run writes: the live index, or a fresh one for a rebuild. */
  @FunctionalInterface
  public interface TargetFactory {
    IndexTarget open(boolean rebuild) throws IOException;
  }

  /** Makes an indexer writing to the given targets, with the engine's article preparation. */
  @FunctionalInterface
  public interface Factory {
    Indexer create(TargetFactory targets);
  }

  /** Enrichment and analysis threads: the machine's cores, at most 2 (parsing takes a share of a core too). */
  public static final int DEFAULT_THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

  private final TargetFactory targets;
  private final ArticlePreparer preparer;
  private final int threads;

  public Indexer(TargetFactory targets, ArticlePreparer preparer) {
    this(targets, preparer, DEFAULT_THREADS);
  }

  /** @param threads enrichment and analysis threads; 1 does everything on the calling thread */
  public Indexer(TargetFactory targets, ArticlePreparer preparer, int threads) {
    this.targets = targets;
    this.preparer = preparer;
    this.threads = threads;
  }

  public IndexSummary run(Options options, IndexProgress progress)
      throws IOException, StrictModeException {
    long start = System.nanoTime();
    CorpusWalker.Listing listing = CorpusWalker.list(options.corpus());
    long totalBytes = 0;
    for (CorpusFile f : listing.files()) {
      totalBytes += Files.size(f.path());
    }
    progress.started(listing.files().size(), totalBytes);

    Run run = new Run();
    try (IndexTarget target = targets.open(options.rebuild());
        PartitionedWorkers workers = new PartitionedWorkers(threads, "indexer")) {
      run.target = target;
      run.workers = workers;
      try {
        for (CorpusFile file : listing.files()) {
          indexFile(file, run);
          progress.fileDone(Files.size(file.path()), run.indexed.get() + run.updated.get());
        }
      } catch (IndexWriteException e) {
        throw e.getCause(); // the writer's or a worker's own message, e.g. out of memory and what to raise
      }
      workers.finish(); // every article handed over is in the target, or the run fails here
      progress.finished();
      IndexSummary summary = summary(run, listing, totalBytes, start, false);
      if (options.strict() && (summary.rejected() > 0 || !summary.failedFiles().isEmpty())) {
        target.rollback();
        throw new StrictModeException(summary);
      }
      if (summary.rejected() > options.maxRejects()) {
        target.rollback();
        throw new StrictModeException(summary, summary.rejected() + " rejected records, more than the "
            + options.maxRejects() + " allowed; the index was left unchanged");
      }
      target.commit();
    }
    return summary(run, listing, totalBytes, start, true);
  }

  private void indexFile(CorpusFile file, Run run) {
    RecordSink sink = new RecordSink() {
      @Override
      public void accept(Article parsed, int line) {
        try {
          run.workers.submit(partitionKey(parsed), () -> indexOrReject(parsed, file.path(), line, run));
        } catch (IOException e) {
          throw new IndexWriteException(e);
        }
      }

      @Override
      public void reject(int line, String reason) {
        run.reject(file.path(), line, reason);
      }
    };
    try {
      file.format().parser().parse(file.path(), sink);
    } catch (IndexWriteException e) {
      throw e; // the index itself failed: stop the run, nothing is committed
    } catch (IOException | RuntimeException e) {
      log.error("cannot read {}: {}", file.path(), e.toString());
      run.failedFiles.add(file.path());
    }
  }

  /** On a worker: a record that breaks enrichment is rejected with its line; only writer failures stop the run. */
  private void indexOrReject(Article parsed, Path file, int line, Run run) throws IOException {
    try {
      index(parsed, file, line, run);
    } catch (RuntimeException e) {
      log.error("cannot index {}:{}", file, line, e);
      run.reject(file, line, "cannot index: " + e);
    }
  }

  private void index(Article parsed, Path file, int line, Run run) throws IOException {
    ArticlePreparer.Prepared prepared = preparer.prepare(parsed);
    if (!prepared.ok()) {
      run.reject(file, line, String.join("; ", prepared.problems()));
      return;
    }
    boolean existed = run.target.upsert(IndexedArticle.of(prepared.article(), Origin.CORPUS));
    (existed ? run.updated : run.indexed).incrementAndGet();
  }

  /** What identifies an article before enrichment derives its id: versions of one article share it. */
  private static String partitionKey(Article a) {
    if (a.id() != null && !a.id().isBlank()) {
      return a.id();
    }
    return a.url() != null ? a.url() : String.valueOf(a.title());
  }

  private static IndexSummary summary(
      Run run, CorpusWalker.Listing listing, long bytes, long start, boolean committed) {
    return new IndexSummary(
        listing.files().size(),
        run.indexed.get(),
        run.updated.get(),
        run.rejectedCount.get(),
        List.copyOf(run.rejections),
        List.copyOf(run.failedFiles),
        listing.unknown(),
        listing.binary(),
        Map.copyOf(run.rejectedPerFile),
        bytes,
        java.time.Duration.ofNanos(System.nanoTime() - start),
        committed);
  }

  /** Mutable counters of one run. */
  private static final class Run {
    IndexTarget target;
    PartitionedWorkers workers;
    final AtomicLong indexed = new AtomicLong();
    final AtomicLong updated = new AtomicLong();
    final AtomicLong rejectedCount = new AtomicLong();
    final List<IndexSummary.Rejection> rejections = Collections.synchronizedList(new ArrayList<>());
    final List<Path> failedFiles = Collections.synchronizedList(new ArrayList<>());
    final Map<Path, Long> rejectedPerFile = new ConcurrentHashMap<>();

    void reject(Path file, int line, String reason) {
      // The summary lists them a file at a line; a line each here would say it all twice.
      log.debug("rejected {}:{}: {}", file, line, reason);
      rejectedCount.incrementAndGet();
      rejectedPerFile.merge(file, 1L, Long::sum);
      if (rejections.size() < MAX_REPORTED_REJECTIONS) {
        rejections.add(new IndexSummary.Rejection(file, line, reason));
      }
    }
  }

  /** Carries a writer failure out of a parser callback so it is not mistaken for a bad file. */
  private static final class IndexWriteException extends RuntimeException {
    IndexWriteException(IOException cause) {
      super(cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }
}

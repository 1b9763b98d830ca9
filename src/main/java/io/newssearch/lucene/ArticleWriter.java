package io.newssearch.lucene;

import io.newssearch.index.IndexedArticle;
import io.newssearch.story.StoryClusters;
import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * Writes articles, each with its story id, through one {@link IndexWriter}, in memory bounded by a
 * window and not by the run.
 *
 * <p>Story candidates and "was this id indexed?" are looked up in a near-real-time reader of the
 * writer, which shows everything written up to its last reopen; what was written since is held in
 * memory: the story window ({@link StoryClusters}) and the ids touched. When the window reaches
 * {@link #WINDOW} articles the reader is reopened, the story renames the window decided are
 * applied through it and it is reopened again, and the window is forgotten: later articles find
 * those articles in the index, under story ids that are right again. Stories come out exactly as
 * if the whole run were held in memory (see {@link StoryClusters}).
 *
 * <p>Threads write concurrently: lookups, analysis and inversion run in parallel, and only the
 * story window's bookkeeping is serialised. A reopen waits for the writes in flight (a read-write
 * gate), so nothing is in neither the reader nor the window.
 */
final class ArticleWriter implements Closeable {

  /** Articles held between two reopens; a few MB of signatures and band keys. */
  static final int WINDOW = 16_384;
  /** Union-find nodes held between reopens: articles, and indexed stories they joined. */
  static final int MAX_NODES = 4 * WINDOW;

  private final IndexWriter writer;
  private final ArticleDocuments documents;
  private final StoryClusters clusters = new StoryClusters();
  /** Ids written (true) or deleted (false) since the reader was opened: the reader's versions are stale. */
  private final Map<String, Boolean> touched = new ConcurrentHashMap<>();
  /** Shared by writes, exclusive for a reopen. */
  private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
  /** Of a rebuild: whether the index was empty when this writer started. */
  private final boolean fresh;
  /** Of a rebuild that outgrew its first window: the keys written so far; null before (and on an update). */
  private WrittenKeys written;
  private DirectoryReader reader;
  private LuceneStoryCandidates candidates;
  private final int window;
  private final ArticleVectors vectors;

  /**
   * @param empty the index holds nothing yet (a rebuild): lookups of keys this run never wrote are
   *     skipped without reading the index
   * @param vectors which articles get a vector ({@link ArticleVectors#NONE}: none)
   */
  ArticleWriter(IndexWriter writer, ArticleDocuments documents, boolean empty, int window, ArticleVectors vectors)
      throws IOException {
    this.writer = writer;
    this.vectors = vectors;
    this.window = window;
    this.fresh = empty;
    this.reader = DirectoryReader.open(writer);
    this.documents = documents.matching(FieldInfos.getMergedFieldInfos(reader));
    this.candidates = new LuceneStoryCandidates(reader, LuceneStoryCandidates.KeyFilter.NONE);
  }

  ArticleWriter(IndexWriter writer, ArticleDocuments documents, boolean empty, int window) throws IOException {
    this(writer, documents, empty, window, ArticleVectors.NONE);
  }

  ArticleWriter(IndexWriter writer, ArticleDocuments documents, boolean empty, ArticleVectors vectors)
      throws IOException {
    this(writer, documents, empty, WINDOW, vectors);
  }

  /** Whether this writer embeds articles (the index has vectors). */
  boolean vectors() {
    return vectors.enabled();
  }

  /**
   * The {@link IndexWriter} was closed by an earlier I/O error (a failed flush is tragic for it),
   * maybe of another thread: this write did not fail by itself. Carries that error, so whoever
   * reports it names the real cause (a full disk) rather than "this IndexWriter is closed".
   */
  static final class WriterStopped extends IOException {
    WriterStopped(Throwable tragic) {
      super("the index writer stopped after an earlier I/O error: " + tragic, tragic);
    }
  }

  /** Writes the article with its story id; true if an article with this id was indexed. */
  boolean upsert(IndexedArticle a) throws IOException {
    try {
      return upsertOrStop(a);
    } catch (AlreadyClosedException e) {
      throw stopped(e);
    }
  }

  /** Deletes the article; true if it was indexed. */
  boolean delete(String id) throws IOException {
    try {
      return deleteOrStop(id);
    } catch (AlreadyClosedException e) {
      throw stopped(e);
    }
  }

  private WriterStopped stopped(AlreadyClosedException e) {
    Throwable tragic = writer.getTragicException();
    if (tragic == null) {
      throw e; // closed on purpose: a caller's bug, not an I/O error
    }
    return new WriterStopped(tragic);
  }

  private boolean upsertOrStop(IndexedArticle a) throws IOException {
    // Embedding is the slow part of a write with vectors: done before the gate, so a reopen never waits for it.
    float[] vector = vectors.of(a.article());
    boolean existed;
    gate.readLock().lock();
    try {
      Boolean before = touched.put(a.id(), Boolean.TRUE);
      existed = before != null ? before : indexed(a.id());
      Set<String> linked = a.signature() == null ? Set.of()
          : candidates.linkedStories(a.id(), a.signature(), a.publishedMillis(), touched::containsKey);
      String story = clusters.add(a.id(), a.signature(), a.publishedMillis(), linked);
      if (written != null) {
        written.add(a);
      }
      writer.updateDocument(ArticleDocuments.idTerm(a.id()), documents.toDocument(a, story, vector));
    } finally {
      gate.readLock().unlock();
    }
    reopenWhenFull();
    return existed;
  }

  private boolean deleteOrStop(String id) throws IOException {
    boolean existed;
    gate.readLock().lock();
    try {
      Boolean before = touched.put(id, Boolean.FALSE);
      existed = before != null ? before : indexed(id);
      clusters.remove(id);
      writer.deleteDocuments(ArticleDocuments.idTerm(id));
    } finally {
      gate.readLock().unlock();
    }
    reopenWhenFull();
    return existed;
  }

  /**
   * Applies the window's story renames and forgets the window: every story id in the writer is
   * then final. Call before a commit.
   */
  void flush() throws IOException {
    gate.writeLock().lock();
    try {
      reopen();
      if (StoryRenames.apply(writer, documents, reader, clusters.finish()) > 0) {
        reopen();
      }
      clusters.clear();
      touched.clear();
    } catch (AlreadyClosedException e) {
      throw stopped(e);
    } finally {
      gate.writeLock().unlock();
    }
  }

  /** Articles and ids held in memory now; never much more than the window. */
  int held() {
    return Math.max(clusters.articles(), touched.size());
  }

  private void reopenWhenFull() throws IOException {
    if (full()) {
      gate.writeLock().lock();
      try {
        if (full()) { // another thread may have just done it
          flush();
        }
      } finally {
        gate.writeLock().unlock();
      }
    }
  }

  private boolean full() {
    return held() >= window || clusters.nodes() >= MAX_NODES;
  }

  private boolean indexed(String id) throws IOException {
    return (written == null || written.mayContain(id)) && TermDocs.any(reader, Schema.ID, id);
  }

  private void reopen() throws IOException {
    DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer, true);
    if (newer != null) {
      reader.close();
      reader = newer;
      if (fresh && written == null && full()) {
        // The rebuild outgrows its first window (a small one never does, and needs no filter):
        // from here on, most of its lookups are answered by the filter instead of the index.
        written = WrittenKeys.of(reader);
      }
      candidates = new LuceneStoryCandidates(reader, written == null ? LuceneStoryCandidates.KeyFilter.NONE : written);
    }
  }

  @Override
  public void close() throws IOException {
    gate.writeLock().lock();
    try {
      reader.close();
    } finally {
      gate.writeLock().unlock();
    }
  }
}

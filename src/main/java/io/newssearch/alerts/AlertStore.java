package io.newssearch.alerts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newssearch.article.Article;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.sqlite.SQLiteConfig;

/**
 * Alerts, their matches and the record of articles already seen, in one SQLite database beside the
 * index ({@code alerts/alerts.db}), outside any generation a rebuild replaces: they survive
 * restarts and rebuilds. SQLite because this is small relational data written in transactions by
 * whichever process indexes (a server, or an {@code index} run beside it): WAL mode lets readers
 * go on while one writes, and a writer waits for another's transaction instead of failing.
 *
 * <p>The seen record holds a 64-bit hash of each article id (MurmurHash3), about 10 bytes a row
 * on disk, so tens of millions fit; two ids colliding (odds about n²/2⁶⁵, one in 300,000 at ten
 * million articles) would only keep the second from firing.
 */
public final class AlertStore implements Closeable {

  public static final String FILE = "alerts.db";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, List<String>>> PARAMS = new TypeReference<>() {};

  /** Matches with their article's fields, under the names {@link #matchQuery} reads. */
  private static final String MATCHES = "SELECT m.seq, al.id AS alert_id, a.id AS article_id, a.title, a.url, a.source, "
      + "a.language, a.published, m.matched_at FROM matches m JOIN articles a ON a.n = m.article JOIN alerts al ON al.n = m.alert ";
  /** An alert's number, which match rows hold, from its id. */
  private static final String NUMBER = "(SELECT n FROM alerts WHERE id = ?)";
  /** How long {@link #inTransactions} writes before it leaves the lock free for {@link #PAUSE_MILLIS}. */
  private static final long HOLD_NANOS = 500_000_000L;
  private static final long PAUSE_MILLIS = 110;

  private final Connection db;
  private final Path dir;
  /** The process this store's recordings are marked pending by ({@link #matchesAfter}). */
  private final ThisProcess owner;

  private AlertStore(Connection db, Path dir, ThisProcess owner) {
    this.db = db;
    this.dir = dir;
    this.owner = owner;
  }

  /** Opens (creating) the store in {@code dir}. */
  public static AlertStore open(Path dir) throws IOException {
    return open(dir, ThisProcess.CURRENT);
  }

  /** As {@link #open(Path)}, its recordings marked as another process's (a test's stand-in for one). */
  static AlertStore open(Path dir, ThisProcess owner) throws IOException {
    Files.createDirectories(dir);
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // FULL, not NORMAL: a write is answered after its matches are recorded, and in WAL mode NORMAL
    // may lose the last transactions to a power cut (not to a crash of the process) while the
    // index's own commit, fsynced, keeps the articles: their matches would be gone for good, since
    // the articles are then seen. The price is one fsync per commit (measured in BENCHMARKS.md).
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(30_000); // another process's transaction: wait for it
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE); // take the write lock up front, no upgrade deadlocks
    try {
      Connection c = config.createConnection("jdbc:sqlite:" + dir.resolve(FILE));
      try (Statement s = c.createStatement()) {
        // Kept in memory across transactions: recording a commit's matches touches pages all over
        // the by-alert index, and the default 2 MB cache made every commit read them again.
        s.executeUpdate("PRAGMA cache_size = -32768");
      }
      AlertStoreSchema.createOrMigrate(c);
      StagedMatches.deleteAbandoned(dir);
      return new AlertStore(c, dir, owner);
    } catch (SQLException e) {
      throw new IOException("cannot open the alert store " + dir.resolve(FILE) + ": " + e.getMessage(), e);
    }
  }

  /** Adds the alerts in one transaction. */
  public synchronized void add(List<Alert> alerts) throws IOException {
    transaction(() -> {
      try (PreparedStatement s = db.prepareStatement(
          "INSERT INTO alerts(id, name, search, webhook, token, created, n) VALUES (?, ?, ?, ?, ?, ?, "
              + "(SELECT coalesce(max(n), 0) + 1 FROM alerts))")) {
        for (Alert a : alerts) {
          s.setString(1, a.id());
          s.setString(2, a.name());
          s.setString(3, JSON.writeValueAsString(a.search()));
          s.setString(4, a.webhook());
          s.setString(5, a.token());
          s.setLong(6, a.created().toEpochMilli());
          s.executeUpdate();
        }
      }
      bumpVersion();
      return null;
    });
  }

  /** Removes the alert and its matches; false when there was none. */
  public synchronized boolean delete(String id) throws IOException {
    return transaction(() -> {
      // Its articles that no other alert matched go with it (an article is stored once for all).
      update("DELETE FROM articles WHERE n IN (SELECT article FROM matches WHERE alert = " + NUMBER + ") "
          + "AND NOT EXISTS (SELECT 1 FROM matches o WHERE o.article = articles.n AND o.alert <> " + NUMBER + ")", id, id);
      update("DELETE FROM matches WHERE alert = " + NUMBER, id);
      int n = update("DELETE FROM alerts WHERE id = ?", id);
      bumpVersion();
      return n > 0;
    });
  }

  public synchronized List<Alert> list() throws IOException {
    return alerts("SELECT * FROM alerts ORDER BY created, id", null);
  }

  public synchronized Optional<Alert> get(String id) throws IOException {
    return alerts("SELECT * FROM alerts WHERE id = ?", id).stream().findFirst();
  }

  public synchronized Optional<Alert> byToken(String token) throws IOException {
    return alerts("SELECT * FROM alerts WHERE token = ?", token).stream().findFirst();
  }

  /** Changes whenever an alert is added or deleted, by any process. */
  public synchronized long version() throws IOException {
    return query(() -> {
      try (Statement s = db.createStatement();
          ResultSet r = s.executeQuery("SELECT value FROM state WHERE key = 'alerts_version'")) {
        return r.next() ? r.getLong(1) : 0L;
      }
    });
  }

  public synchronized long matchCount(String alertId) throws IOException {
    return query(() -> {
      try (PreparedStatement s = db.prepareStatement("SELECT count(*) FROM matches WHERE alert = " + NUMBER)) {
        s.setString(1, alertId);
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? r.getLong(1) : 0L;
        }
      }
    });
  }

  /**
   * An alert's matches, newest first.
   *
   * @param before only matches recorded before this seq (a cursor), or {@link Long#MAX_VALUE}
   * @param since only matches recorded at or after this instant, or null
   */
  public synchronized List<AlertMatch> matches(String alertId, int limit, long before, Instant since) throws IOException {
    return matchQuery(MATCHES + "WHERE m.alert = " + NUMBER + " AND m.seq < ? AND m.matched_at >= ? ORDER BY m.seq DESC LIMIT ?",
        alertId, before, since == null ? Long.MIN_VALUE : since.toEpochMilli(), limit);
  }

  /**
   * Matches of every alert recorded after {@code seq}, oldest first (what a live stream has not
   * sent), short of those another process recorded for a commit that has not ended: they may still
   * be undone. One statement, so it reads the pending marks and the matches as of one moment; the
   * marks of a process that no longer runs are dropped first (what it recorded is then handed out,
   * its commit's outcome unknown). This process's own recordings are for its caller to wait for
   * ({@link MatchEvents}).
   */
  public synchronized List<AlertMatch> matchesAfter(long seq, int limit) throws IOException {
    dropPendingOfEndedProcesses();
    return matchQuery(MATCHES + "WHERE m.seq > ? AND m.seq <= (SELECT coalesce(min(after_seq), " + Long.MAX_VALUE
        + ") FROM pending WHERE NOT (pid = ? AND started = ?)) ORDER BY m.seq LIMIT ?",
        seq, owner.pid(), owner.started(), limit);
  }

  private void dropPendingOfEndedProcesses() throws IOException {
    List<Long> ended = query(() -> {
      List<Long> ids = new ArrayList<>();
      try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT id, pid, started FROM pending")) {
        while (r.next()) {
          if (!new ThisProcess(r.getLong(2), r.getLong(3)).alive()) {
            ids.add(r.getLong(1));
          }
        }
      }
      return ids;
    });
    if (!ended.isEmpty()) {
      deletePending(ended);
    }
  }

  private synchronized void deletePending(List<Long> marks) throws IOException {
    transaction(() -> {
      try (PreparedStatement s = db.prepareStatement("DELETE FROM pending WHERE id = ?")) {
        for (long id : marks) {
          s.setLong(1, id);
          s.executeUpdate();
        }
      }
      return null;
    });
  }

  /** The last seq recorded, 0 when none. */
  public synchronized long lastSeq() throws IOException {
    return query(() -> {
      try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT max(seq) FROM matches")) {
        return r.next() ? r.getLong(1) : 0L;
      }
    });
  }

  /** Those of {@code ids} not seen before (a hint: {@link #record} decides under its transaction). */
  public synchronized Set<String> unseen(Collection<String> ids) throws IOException {
    return query(() -> {
      Set<String> out = new HashSet<>();
      try (PreparedStatement s = db.prepareStatement("SELECT 1 FROM seen WHERE h = ?")) {
        for (String id : ids) {
          s.setLong(1, hash(id));
          try (ResultSet r = s.executeQuery()) {
            if (!r.next()) {
              out.add(id);
            }
          }
        }
      }
      return out;
    });
  }

  /**
   * Marks {@code ids} seen and records the matches of those that were not seen before, for alerts
   * that still exist, as {@link #recordUndoably} does (one transaction per
   * {@link MatchRecording#ARTICLES_PER_TRANSACTION} articles). Two processes indexing the same new
   * article record it once, and a deleted alert never gets a match. For a few articles, given as
   * matches (an indexing batch is staged as it is matched instead).
   *
   * @param matches the articles' matches; an article's fields are taken from its first
   * @return the matches recorded, with their seq
   */
  public List<AlertMatch> record(Collection<String> ids, List<AlertMatch> matches) throws IOException {
    Map<String, List<AlertMatch>> byArticle = new HashMap<>();
    matches.forEach(m -> byArticle.computeIfAbsent(m.articleId(), k -> new ArrayList<>()).add(m));
    try (StagedMatches staged = stage()) {
      for (String id : ids) {
        List<AlertMatch> its = byArticle.getOrDefault(id, List.of());
        Article article = its.isEmpty() ? null : new Article(id, its.get(0).url(), its.get(0).title(), null,
            its.get(0).published(), its.get(0).language(), List.of(), its.get(0).source(), null);
        staged.add(hash(id), article, its.stream().map(AlertMatch::alertId).toList());
      }
      Recorded r = recordUndoably(staged, Instant.now());
      settle(r); // nothing else to wait for
      List<AlertMatch> out = new ArrayList<>();
      synchronized (this) {
        for (MatchRecording.Chunk c : r.chunks()) {
          if (c.lastSeq() > c.afterSeq()) {
            out.addAll(matchQuery(MATCHES + "WHERE m.seq > ? AND m.seq <= ? ORDER BY m.seq", c.afterSeq(), c.lastSeq()));
          }
        }
      }
      return out;
    }
  }

  /** A batch's staging, in memory until it grows, then in a file in this store's folder. */
  StagedMatches stage() {
    return new StagedMatches(dir);
  }

  /**
   * What one {@link #recordUndoably} wrote: {@code matches} match rows, and in each chunk's
   * transaction a range of seqs and of article numbers; which of the staged articles it marked seen
   * (by their place in the staging).
   */
  record Recorded(StagedMatches staged, BitSet firstSeen, List<MatchRecording.Chunk> chunks, long matches,
      long pendingMark) {}

  /**
   * As {@link #record}, for a batch staged as it was matched, in transactions of
   * {@link MatchRecording#ARTICLES_PER_TRANSACTION} articles, between which others may write; keeps
   * what {@link #undo} needs. If a transaction fails, those before it are undone.
   *
   * @param matchedAt when the batch's matches are recorded
   */
  Recorded recordUndoably(StagedMatches staged, Instant matchedAt) throws IOException {
    try (MatchRecording recording = new MatchRecording(staged, matchedAt, owner)) {
      try {
        inTransactions(() -> recording.next(db));
      } catch (IOException | RuntimeException e) {
        try {
          undo(recording.recorded());
        } catch (IOException | RuntimeException u) {
          e.addSuppressed(u);
        }
        throw e;
      }
      return recording.recorded();
    }
  }

  /**
   * Removes what a {@link #recordUndoably} wrote, as if it had not happened, in a transaction per
   * transaction it wrote. Its staging must still be open.
   */
  void undo(Recorded r) throws IOException {
    try (MatchRecording.Undo undo = new MatchRecording.Undo(r)) {
      inTransactions(() -> undo.next(db));
    }
    settle(r);
  }

  /**
   * The commit a {@link #recordUndoably} was for has ended (or it was undone): its matches are no
   * longer pending, and other processes' streams and webhooks get them.
   */
  void settle(Recorded r) throws IOException {
    if (r.pendingMark() != 0) {
      deletePending(List.of(r.pendingMark()));
    }
  }

  /**
   * Runs {@code step} in one transaction after another until it says nothing is left. This
   * process's other writes go between them, and after each half second of them the lock is left
   * free for {@link #PAUSE_MILLIS}: SQLite does not hand its lock over, and a writer waiting on it
   * (another process) looks again only every 100 ms, so back-to-back transactions would keep it
   * out for seconds.
   */
  private void inTransactions(Work<Boolean> step) throws IOException {
    long held = System.nanoTime();
    boolean more = true;
    while (more) {
      synchronized (this) {
        more = transaction(step);
      }
      if (more && System.nanoTime() - held > HOLD_NANOS) {
        pauseForOthers();
        held = System.nanoTime();
      }
    }
  }

  private static void pauseForOthers() throws IOException {
    try {
      Thread.sleep(PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while writing alert matches");
    }
  }

  /** The seen record's key of an article id. */
  static long hash(String id) {
    return StringHelper.murmurhash3_x64_128(new BytesRef(id))[0];
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      db.close();
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }

  private List<Alert> alerts(String sql, String arg) throws IOException {
    return query(() -> {
      try (PreparedStatement s = db.prepareStatement(sql)) {
        if (arg != null) {
          s.setString(1, arg);
        }
        List<Alert> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(new Alert(r.getString("id"), r.getString("name"), JSON.readValue(r.getString("search"), PARAMS),
                r.getString("webhook"), r.getString("token"), Instant.ofEpochMilli(r.getLong("created"))));
          }
        }
        return out;
      }
    });
  }

  private List<AlertMatch> matchQuery(String sql, Object... args) throws IOException {
    return query(() -> {
      try (PreparedStatement s = db.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          s.setObject(i + 1, args[i]);
        }
        List<AlertMatch> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            long published = r.getLong("published");
            Instant when = r.wasNull() ? null : Instant.ofEpochMilli(published); // right after its own read
            out.add(new AlertMatch(r.getLong("seq"), r.getString("alert_id"), r.getString("article_id"),
                r.getString("title"), r.getString("url"), r.getString("source"), r.getString("language"),
                when, Instant.ofEpochMilli(r.getLong("matched_at"))));
          }
        }
        return out;
      }
    });
  }

  private void bumpVersion() throws SQLException {
    try (Statement s = db.createStatement()) {
      s.executeUpdate("INSERT INTO state(key, value) VALUES ('alerts_version', 1) "
          + "ON CONFLICT(key) DO UPDATE SET value = value + 1");
    }
  }

  private int update(String sql, String... args) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setString(i + 1, args[i]);
      }
      return s.executeUpdate();
    }
  }

  private interface Work<T> {
    T run() throws SQLException, IOException;
  }

  private <T> T query(Work<T> work) throws IOException {
    try {
      return work.run();
    } catch (SQLException e) {
      throw new IOException("alert store: " + e.getMessage(), e);
    }
  }

  private <T> T transaction(Work<T> work) throws IOException {
    try {
      db.setAutoCommit(false);
      try {
        T out = work.run();
        db.commit();
        return out;
      } catch (SQLException | IOException | RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IOException("alert store: " + e.getMessage(), e);
    }
  }
}

package io.newssearch.alerts;

import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a batch's staged articles ({@link StagedMatches}), read once in order, a chunk of
 * {@link #ARTICLES_PER_TRANSACTION} per transaction ({@link AlertStore#recordUndoably}): marks each
 * article seen and, for those seen for the first time, writes the article once and then one row of
 * numbers per match to an alert that still exists, many rows to a statement. Chunks keep each
 * transaction short, so a rebuild of millions of articles does not hold the store's write lock for
 * a minute while a server's API writes wait on it (30 s at most) and fail. What it holds grows with
 * the alerts, not the batch: one bit per article and two numbers per chunk, for the undo.
 */
final class MatchRecording implements Closeable {

  /** Articles per transaction: ~0.15 s of the write lock (200,000 with their matches took 3 s). */
  static final int ARTICLES_PER_TRANSACTION = 10_000;
  /** Match rows per INSERT statement: one statement for many rows saves a native call per row. */
  private static final int ROWS_PER_INSERT = 64;

  /**
   * What one chunk wrote: match seqs in (afterSeq, lastSeq] and article numbers in (afterArticle,
   * lastArticle], each consecutive, since its transaction held the write lock (IMMEDIATE) and new
   * rows take the next numbers.
   */
  record Chunk(long afterSeq, long lastSeq, long afterArticle, long lastArticle) {}

  private final StagedMatches staged;
  private final ThisProcess owner;
  private final StagedMatches.Reader in;
  private final long matchedAt;
  /** Which of the staged articles (by place) this recording marked seen. */
  private final BitSet firstSeen = new BitSet();
  private final List<Chunk> chunks = new ArrayList<>();
  private long matches;
  private int position;
  private boolean done;
  /** The {@code pending} row the first chunk wrote: 0 before. */
  private long pendingMark;

  // The transaction of the chunk being written:
  private Connection db;
  /** Alert id → its number, or null once it proved not to exist: looked up once per chunk. */
  private final Map<String, Long> alertNumbers = new HashMap<>();
  private PreparedStatement alertLookup;
  /** Match rows waiting for a full statement: alert and article number pairs. */
  private final long[] pending = new long[ROWS_PER_INSERT * 2];
  private int pendingRows;
  private long chunkMatches;
  private long lastSeq;
  private long chunkArticles;
  private long lastArticle;

  /** @param owner the process recording, as the {@code pending} row names it */
  MatchRecording(StagedMatches staged, Instant matchedAt, ThisProcess owner) throws IOException {
    this.owner = owner;
    this.staged = staged;
    this.in = staged.read();
    this.matchedAt = matchedAt.toEpochMilli();
  }

  /**
   * Inside a transaction on {@code db}: records the next chunk.
   *
   * @return whether staged articles are left
   */
  boolean next(Connection db) throws SQLException, IOException {
    this.db = db;
    int start = position;
    alertNumbers.clear(); // an alert deleted between two chunks gets no more matches
    chunkMatches = 0;
    chunkArticles = 0;
    try (PreparedStatement seen = db.prepareStatement("INSERT OR IGNORE INTO seen(h) VALUES (?)");
        PreparedStatement article = db.prepareStatement(
            "INSERT INTO articles(id, title, url, source, language, published) VALUES (?, ?, ?, ?, ?, ?)");
        PreparedStatement rows = db.prepareStatement(matchInsert(ROWS_PER_INSERT));
        PreparedStatement lookup = db.prepareStatement("SELECT n FROM alerts WHERE id = ?")) {
      alertLookup = lookup;
      if (pendingMark == 0) {
        pendingMark = markPending(db, owner);
      }
      while (position - start < ARTICLES_PER_TRANSACTION) {
        StagedMatches.Staged a = in.next();
        if (a == null) {
          done = true;
          break;
        }
        seen.setLong(1, a.hash());
        if (seen.executeUpdate() == 1) {
          firstSeen.set(position);
          record(a, article, rows);
        }
        position++;
      }
      if (pendingRows > 0) {
        try (PreparedStatement rest = db.prepareStatement(matchInsert(pendingRows))) {
          flush(rest);
        }
      }
    } catch (SQLException | IOException | RuntimeException e) {
      firstSeen.clear(start, Math.max(start, position + 1)); // rolled back with the transaction
      pendingRows = 0;
      if (chunks.isEmpty()) {
        pendingMark = 0; // rolled back too
      }
      throw e;
    }
    chunks.add(new Chunk(lastSeq - chunkMatches, lastSeq, lastArticle - chunkArticles, lastArticle));
    matches += chunkMatches;
    return !done;
  }

  /** What the chunks recorded so far wrote, for {@link #undo}. */
  AlertStore.Recorded recorded() {
    return new AlertStore.Recorded(staged, firstSeen, List.copyOf(chunks), matches, pendingMark);
  }

  /**
   * In the first chunk's transaction, so that no reader sees its matches without it: says that
   * the matches past the last seq may still be undone, until {@link AlertStore#settle} removes it.
   */
  private static long markPending(Connection db, ThisProcess owner) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("INSERT INTO pending(after_seq, pid, started) "
        + "VALUES ((SELECT coalesce(max(seq), 0) FROM matches), ?, ?)")) {
      s.setLong(1, owner.pid());
      s.setLong(2, owner.started());
      s.executeUpdate();
    }
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT last_insert_rowid()")) {
      r.next();
      return r.getLong(1);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /**
   * Removes what a recording wrote, a transaction per chunk it wrote ({@link AlertStore#undo}): the
   * batch it recorded was not committed. The articles it marked seen are read from the staging
   * again, no further than the last one marked (what follows may be what failed to read).
   */
  static final class Undo implements Closeable {
    private final AlertStore.Recorded recorded;
    private final StagedMatches.Reader in;
    private final int last;
    private int position;
    private int chunk;

    Undo(AlertStore.Recorded recorded) throws IOException {
      this.recorded = recorded;
      this.in = recorded.staged().read();
      this.last = recorded.firstSeen().length();
    }

    /**
     * Inside a transaction on {@code db}: undoes the next chunk.
     *
     * @return whether chunks are left
     */
    boolean next(Connection db) throws SQLException, IOException {
      if (chunk == recorded.chunks().size()) {
        return false;
      }
      Chunk c = recorded.chunks().get(chunk);
      deleteRange(db, "matches", "seq", c.afterSeq(), c.lastSeq());
      deleteRange(db, "articles", "n", c.afterArticle(), c.lastArticle());
      int end = Math.min((chunk + 1) * ARTICLES_PER_TRANSACTION, last);
      try (PreparedStatement s = db.prepareStatement("DELETE FROM seen WHERE h = ?")) {
        for (; position < end; position++) {
          StagedMatches.Staged a = in.next();
          if (recorded.firstSeen().get(position)) {
            s.setLong(1, a.hash());
            s.executeUpdate();
          }
        }
      }
      return ++chunk < recorded.chunks().size();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Deletes the rows whose key is in (after, last]. */
  private static void deleteRange(Connection db, String table, String key, long after, long last) throws SQLException {
    if (last <= after) {
      return;
    }
    try (PreparedStatement s = db.prepareStatement("DELETE FROM " + table + " WHERE " + key + " > ? AND " + key + " <= ?")) {
      s.setLong(1, after);
      s.setLong(2, last);
      s.executeUpdate();
    }
  }

  /** An article seen for the first time: it and its matches, if any alert it matched still exists. */
  private void record(StagedMatches.Staged a, PreparedStatement article, PreparedStatement rows) throws SQLException {
    List<Long> alive = new ArrayList<>(a.alerts().size());
    for (String alert : a.alerts()) {
      Long n = alertNumber(alert);
      if (n != null) {
        alive.add(n);
      }
    }
    if (alive.isEmpty()) {
      return;
    }
    article.setString(1, a.id());
    article.setString(2, a.title());
    article.setString(3, a.url());
    article.setString(4, a.source());
    article.setString(5, a.language());
    if (a.published() == null) {
      article.setNull(6, Types.INTEGER);
    } else {
      article.setLong(6, a.published().toEpochMilli());
    }
    article.executeUpdate();
    long number = lastRowId();
    chunkArticles++;
    lastArticle = number;
    for (long alert : alive) {
      pending[pendingRows * 2] = alert;
      pending[pendingRows * 2 + 1] = number;
      if (++pendingRows == ROWS_PER_INSERT) {
        flush(rows);
      }
    }
  }

  /**
   * The number of an alert that still exists, under this transaction's lock; null when deleted.
   * Only the alerts matched are looked up: reading every alert on every commit cost more than the rest.
   */
  private Long alertNumber(String id) throws SQLException {
    if (alertNumbers.containsKey(id)) {
      return alertNumbers.get(id);
    }
    Long n = null;
    alertLookup.setString(1, id);
    try (ResultSet r = alertLookup.executeQuery()) {
      if (r.next()) {
        n = r.getLong(1);
      }
    }
    alertNumbers.put(id, n);
    return n;
  }

  private static String matchInsert(int rows) {
    return "INSERT INTO matches(alert, article, matched_at) VALUES " + String.join(", ", Collections.nCopies(rows, "(?, ?, ?)"));
  }

  /** Writes the pending match rows with {@code s}, made for exactly that many. */
  private void flush(PreparedStatement s) throws SQLException {
    int p = 1;
    for (int i = 0; i < pendingRows; i++) {
      s.setLong(p++, pending[i * 2]);
      s.setLong(p++, pending[i * 2 + 1]);
      s.setLong(p++, matchedAt);
    }
    s.executeUpdate();
    // seqs are consecutive, ending at the last row inserted: this transaction holds the write lock
    // (IMMEDIATE) and AUTOINCREMENT only counts up
    lastSeq = lastRowId();
    chunkMatches += pendingRows;
    pendingRows = 0;
  }

  private long lastRowId() throws SQLException {
    try (Statement q = db.createStatement(); ResultSet r = q.executeQuery("SELECT last_insert_rowid()")) {
      r.next();
      return r.getLong(1);
    }
  }
}

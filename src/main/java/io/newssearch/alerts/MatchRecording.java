package io.newssearch.alerts;

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
 * Inside {@link AlertStore#recordUndoably}'s transaction: reads a batch's staged articles once, in
 * order, marking each seen and, for those seen for the first time, writing the article once and
 * then one row of numbers per match to an alert that still exists, many rows to a statement. What
 * it holds grows with the alerts, not the batch: one bit per article for the undo.
 */
final class MatchRecording {

  /** Match rows per INSERT statement: one statement for many rows saves a native call per row. */
  private static final int ROWS_PER_INSERT = 64;

  private final Connection db;
  private final long matchedAt;
  /** Alert id → its number, or null once it proved not to exist: looked up once per batch. */
  private final Map<String, Long> alertNumbers = new HashMap<>();
  private PreparedStatement alertLookup;
  /** Match rows waiting for a full statement: alert and article number pairs. */
  private final long[] pending = new long[ROWS_PER_INSERT * 2];
  private int pendingRows;
  private long matches;
  private long lastSeq;
  private long articles;
  private long lastArticle;

  private MatchRecording(Connection db, Instant matchedAt) {
    this.db = db;
    this.matchedAt = matchedAt.toEpochMilli();
  }

  /** @return what was written, for {@link #undo} */
  static AlertStore.Recorded record(Connection db, StagedMatches staged, Instant matchedAt)
      throws SQLException, IOException {
    return new MatchRecording(db, matchedAt).record(staged);
  }

  /**
   * Removes what {@link #record} wrote: the batch it recorded was not committed. Match seqs and
   * article numbers were consecutive (the transaction held the write lock); the articles marked
   * seen are read from the staging again.
   */
  static void undo(Connection db, AlertStore.Recorded r) throws SQLException, IOException {
    deleteRange(db, "matches", "seq", r.lastSeq() - r.matches(), r.lastSeq());
    deleteRange(db, "articles", "n", r.lastArticle() - r.articles(), r.lastArticle());
    try (PreparedStatement s = db.prepareStatement("DELETE FROM seen WHERE h = ?");
        StagedMatches.Reader staged = r.staged().read()) {
      int i = 0;
      for (StagedMatches.Staged a = staged.next(); a != null; a = staged.next(), i++) {
        if (r.firstSeen().get(i)) {
          s.setLong(1, a.hash());
          s.executeUpdate();
        }
      }
    }
  }

  /** Deletes the rows whose key is in (after, last]. */
  private static void deleteRange(Connection db, String table, String key, long after, long last) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("DELETE FROM " + table + " WHERE " + key + " > ? AND " + key + " <= ?")) {
      s.setLong(1, after);
      s.setLong(2, last);
      s.executeUpdate();
    }
  }

  private AlertStore.Recorded record(StagedMatches staged) throws SQLException, IOException {
    BitSet firstSeen = new BitSet();
    try (PreparedStatement seen = db.prepareStatement("INSERT OR IGNORE INTO seen(h) VALUES (?)");
        PreparedStatement article = db.prepareStatement(
            "INSERT INTO articles(id, title, url, source, language, published) VALUES (?, ?, ?, ?, ?, ?)");
        PreparedStatement rows = db.prepareStatement(matchInsert(ROWS_PER_INSERT));
        PreparedStatement lookup = db.prepareStatement("SELECT n FROM alerts WHERE id = ?");
        StagedMatches.Reader in = staged.read()) {
      alertLookup = lookup;
      int i = 0;
      for (StagedMatches.Staged a = in.next(); a != null; a = in.next(), i++) {
        seen.setLong(1, a.hash());
        if (seen.executeUpdate() == 1) {
          firstSeen.set(i);
          record(a, article, rows);
        }
      }
      if (pendingRows > 0) {
        try (PreparedStatement rest = db.prepareStatement(matchInsert(pendingRows))) {
          flush(rest);
        }
      }
    }
    return new AlertStore.Recorded(staged, firstSeen, matches, lastSeq, articles, lastArticle);
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
    articles++;
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
    matches += pendingRows;
    pendingRows = 0;
  }

  private long lastRowId() throws SQLException {
    try (Statement q = db.createStatement(); ResultSet r = q.executeQuery("SELECT last_insert_rowid()")) {
      r.next();
      return r.getLong(1);
    }
  }
}

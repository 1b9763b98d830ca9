package io.newssearch.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inside {@link AlertStore#record}'s transaction: marks a commit's articles seen and writes the
 * matches of those seen for the first time — each matched article once, then one row of numbers
 * per match, many rows to a statement.
 */
final class MatchRecording {

  /** Match rows per INSERT statement: one statement for many rows saves a native call per row. */
  private static final int ROWS_PER_INSERT = 64;
  /** Alert ids per lookup query, well under SQLite's limit of bound values. */
  private static final int LOOKUPS_PER_QUERY = 500;

  private final Connection db;

  private MatchRecording(Connection db) {
    this.db = db;
  }

  /** @return the matches recorded, with their seq, and the rows that record them */
  static AlertStore.Recorded record(Connection db, long[] ids, List<AlertMatch> matches) throws SQLException {
    return new MatchRecording(db).record(ids, matches);
  }

  /** Removes what {@link #record} wrote: the batch it recorded was not committed. */
  static void undo(Connection db, AlertStore.Recorded r) throws SQLException {
    delete(db, "matches", "seq", r.matches().stream().map(AlertMatch::seq).toList());
    delete(db, "articles", "n", r.articles());
    delete(db, "seen", "h", Arrays.stream(r.seen()).boxed().toList());
  }

  private static void delete(Connection db, String table, String key, List<Long> values) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("DELETE FROM " + table + " WHERE " + key + " = ?")) {
      for (long v : values) {
        s.setLong(1, v);
        s.executeUpdate();
      }
    }
  }

  /** @param ids the seen-record keys of the articles, a key in {@code matches}' order or not */
  private AlertStore.Recorded record(long[] ids, List<AlertMatch> matches) throws SQLException {
    long[] firstSeen = new long[ids.length]; // as many as there are articles: kept as keys, not objects
    int n = 0;
    try (PreparedStatement s = db.prepareStatement("INSERT OR IGNORE INTO seen(h) VALUES (?)")) {
      for (long id : ids) {
        s.setLong(1, id);
        if (s.executeUpdate() == 1) {
          firstSeen[n++] = id;
        }
      }
    }
    long[] seen = Arrays.copyOf(firstSeen, n);
    long[] sorted = seen.clone();
    Arrays.sort(sorted);
    List<AlertMatch> firstTime = matches.stream()
        .filter(m -> Arrays.binarySearch(sorted, AlertStore.hash(m.articleId())) >= 0).toList();
    Map<String, Long> alive = alertNumbers(firstTime);
    List<AlertMatch> inserted = new ArrayList<>();
    for (AlertMatch m : firstTime) {
      if (alive.containsKey(m.alertId())) {
        inserted.add(m);
      }
    }
    Map<String, Long> articles = insertArticles(inserted);
    insertMatches(inserted, alive, articles);
    return new AlertStore.Recorded(withSeqs(inserted), seen, List.copyOf(articles.values()));
  }

  /**
   * Those of the matched alerts that still exist, under this transaction's lock: id → number. Only
   * the alerts matched are looked up: reading every alert on every commit cost more than the rest.
   */
  private Map<String, Long> alertNumbers(List<AlertMatch> matches) throws SQLException {
    List<String> ids = matches.stream().map(AlertMatch::alertId).distinct().toList();
    Map<String, Long> out = new HashMap<>();
    for (int from = 0; from < ids.size(); from += LOOKUPS_PER_QUERY) {
      List<String> some = ids.subList(from, Math.min(ids.size(), from + LOOKUPS_PER_QUERY));
      try (PreparedStatement s = db.prepareStatement("SELECT id, n FROM alerts WHERE id IN ("
          + String.join(", ", Collections.nCopies(some.size(), "?")) + ")")) {
        for (int i = 0; i < some.size(); i++) {
          s.setString(i + 1, some.get(i));
        }
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.put(r.getString(1), r.getLong(2));
          }
        }
      }
    }
    return out;
  }

  /** Each matched article once; its number in the store by id. */
  private Map<String, Long> insertArticles(List<AlertMatch> matches) throws SQLException {
    Map<String, Long> numbers = new HashMap<>();
    try (PreparedStatement s = db.prepareStatement(
        "INSERT INTO articles(id, title, url, source, language, published) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (AlertMatch m : matches) {
        if (numbers.containsKey(m.articleId())) {
          continue;
        }
        s.setString(1, m.articleId());
        s.setString(2, m.title());
        s.setString(3, m.url());
        s.setString(4, m.source());
        s.setString(5, m.language());
        if (m.published() == null) {
          s.setNull(6, Types.INTEGER);
        } else {
          s.setLong(6, m.published().toEpochMilli());
        }
        s.executeUpdate();
        numbers.put(m.articleId(), lastRowId());
      }
    }
    return numbers;
  }

  /** The match rows, in order, {@link #ROWS_PER_INSERT} to a statement. */
  private void insertMatches(List<AlertMatch> matches, Map<String, Long> alerts, Map<String, Long> articles)
      throws SQLException {
    String row = "(?, ?, ?)";
    String sql = "INSERT INTO matches(alert, article, matched_at) VALUES ";
    int full = matches.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
    if (full > 0) {
      try (PreparedStatement s = db.prepareStatement(sql + String.join(", ", Collections.nCopies(ROWS_PER_INSERT, row)))) {
        for (int i = 0; i < full; i += ROWS_PER_INSERT) {
          bindMatches(s, matches.subList(i, i + ROWS_PER_INSERT), alerts, articles);
          s.executeUpdate();
        }
      }
    }
    if (full < matches.size()) {
      List<AlertMatch> rest = matches.subList(full, matches.size());
      try (PreparedStatement s = db.prepareStatement(sql + String.join(", ", Collections.nCopies(rest.size(), row)))) {
        bindMatches(s, rest, alerts, articles);
        s.executeUpdate();
      }
    }
  }

  private static void bindMatches(PreparedStatement s, List<AlertMatch> rows, Map<String, Long> alerts,
      Map<String, Long> articles) throws SQLException {
    int p = 1;
    for (AlertMatch m : rows) {
      s.setLong(p++, alerts.get(m.alertId()));
      s.setLong(p++, articles.get(m.articleId()));
      s.setLong(p++, m.matchedAt().toEpochMilli());
    }
  }

  private long lastRowId() throws SQLException {
    try (Statement q = db.createStatement(); ResultSet r = q.executeQuery("SELECT last_insert_rowid()")) {
      r.next();
      return r.getLong(1);
    }
  }

  /**
   * The matches just inserted, with their seqs: consecutive, ending at the last row inserted, since
   * this transaction holds the database's write lock (IMMEDIATE) and AUTOINCREMENT only counts up.
   * One query per transaction rather than one per match, which cost more than the insert.
   */
  private List<AlertMatch> withSeqs(List<AlertMatch> inserted) throws SQLException {
    if (inserted.isEmpty()) {
      return List.of();
    }
    long last = lastRowId();
    List<AlertMatch> out = new ArrayList<>(inserted.size());
    long seq = last - inserted.size() + 1;
    for (AlertMatch m : inserted) {
      out.add(m.withSeq(seq++));
    }
    return out;
  }
}

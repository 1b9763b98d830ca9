package io.newssearch.bench;

import io.newssearch.article.Article;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * SQLite FTS5 over the same articles, as a small application would use it: one table with the
 * porter tokenizer over unicode61, title and body indexed, inserted in one transaction; a search is
 * a MATCH ranked by bm25, top 10 with id and title. Language and date are unindexed columns, so
 * the filtered query is a MATCH with a WHERE on them. No browse: FTS5 cannot sort by an unindexed
 * column without reading every row, which no one would ship.
 */
final class SqliteFts implements Closeable {

  private final Connection db;
  private final PreparedStatement match;
  private final PreparedStatement filtered;

  SqliteFts(Path file) throws IOException {
    try {
      db = DriverManager.getConnection("jdbc:sqlite:" + file);
      match = db.prepareStatement("SELECT id, title FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10");
      filtered = db.prepareStatement("SELECT id, title FROM docs WHERE docs MATCH ? AND language = ? "
          + "AND published BETWEEN ? AND ? ORDER BY rank LIMIT 10");
    } catch (SQLException e) {
      throw new IOException("SQLite: " + e.getMessage(), e);
    }
  }

  /** Builds the database; parsing the corpus is included in the time, as for bare Lucene. */
  static ScaleResult.Bare build(List<Path> corpus, Path file) throws IOException {
    Files.deleteIfExists(file);
    long start = System.nanoTime();
    long[] count = {0};
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=OFF");
      s.execute("PRAGMA synchronous=OFF");
      s.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, language UNINDEXED, "
          + "published UNINDEXED, tokenize='porter unicode61')");
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO docs VALUES (?, ?, ?, ?, ?)")) {
        CorpusArticles.forEach(corpus, a -> insert(insert, a, count));
        insert.executeBatch();
      }
      c.commit();
    } catch (SQLException e) {
      throw new IOException("SQLite: " + e.getMessage(), e);
    }
    return new ScaleResult.Bare(count[0], (System.nanoTime() - start) / 1e9, Files.size(file));
  }

  private static void insert(PreparedStatement insert, Article a, long[] count) {
    try {
      insert.setString(1, a.id() != null ? a.id() : "doc-" + count[0]); // as bare Lucene: ids are derived later
      insert.setString(2, a.title() == null ? "" : a.title());
      insert.setString(3, a.body() == null ? "" : a.body());
      insert.setString(4, a.language());
      if (a.published() == null) insert.setNull(5, java.sql.Types.INTEGER);
      else insert.setLong(5, a.published().toEpochMilli());
      insert.addBatch();
      if (++count[0] % 1_000 == 0) insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("SQLite: " + e.getMessage(), e);
    }
  }

  /** @return false for a query type FTS5 is not asked (browse) */
  boolean search(QueryCase q) throws IOException {
    String[] words = q.text().replace("\"", "").split(" ");
    String expression = switch (q.type()) {
      case "term", "filtered" -> quote(words[0]);
      case "or" -> quote(words[0]) + " OR " + quote(words[1]);
      case "and" -> quote(words[0]) + " AND " + quote(words[1]);
      case "phrase" -> quote(words[0] + " " + words[1]);
      default -> null;
    };
    if (expression == null) {
      return false;
    }
    try {
      PreparedStatement s = q.type().equals("filtered") ? filtered : match;
      s.setString(1, expression);
      if (s == filtered) {
        s.setString(2, q.language());
        s.setLong(3, q.from().toEpochMilli());
        s.setLong(4, q.to().toEpochMilli());
      }
      int chars = 0;
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) chars += rs.getString(1).length() + rs.getString(2).length();
      }
      return chars >= 0;
    } catch (SQLException e) {
      throw new IOException("SQLite: " + e.getMessage(), e);
    }
  }

  /** A string in FTS5 syntax: words inside double quotes are taken as they are, no operators. */
  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  @Override
  public void close() throws IOException {
    try {
      db.close();
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }
}

package io.newssearch.alerts;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The alert store's tables, and the move from the first layout.
 *
 * <p>A matched article is stored once ({@code articles}), and a match is a slim row of numbers
 * (alert, article, when): with many alerts an article matches dozens of them, and writing its title
 * and URL, and the alert's id, into every match row and its index was most of the cost of
 * recording. The first layout kept the
 * article's fields in each match row; a store in that layout is moved to this one when opened, in
 * one transaction, keeping every match's seq (cursors and {@code Last-Event-ID} stay valid).
 */
final class AlertStoreSchema {

  private AlertStoreSchema() {}

  static void createOrMigrate(Connection db) throws SQLException {
    boolean wasAuto = db.getAutoCommit();
    db.setAutoCommit(false);
    try (Statement s = db.createStatement()) {
      s.executeUpdate("CREATE TABLE IF NOT EXISTS alerts(id TEXT PRIMARY KEY, name TEXT NOT NULL, "
          + "search TEXT NOT NULL, webhook TEXT, token TEXT NOT NULL UNIQUE, created INTEGER NOT NULL)");
      if (!hasColumn(s, "alerts", "n")) {
        // n: the alert's number, which its match rows hold (a few bytes in place of its id's 19)
        s.executeUpdate("ALTER TABLE alerts ADD COLUMN n INTEGER");
        s.executeUpdate("UPDATE alerts SET n = rowid");
      }
      s.executeUpdate("CREATE UNIQUE INDEX IF NOT EXISTS alerts_by_number ON alerts(n)");
      s.executeUpdate("CREATE TABLE IF NOT EXISTS seen(h INTEGER PRIMARY KEY)");
      s.executeUpdate("CREATE TABLE IF NOT EXISTS state(key TEXT PRIMARY KEY, value INTEGER NOT NULL)");
      // A recording whose index commit has not ended: its matches (past after_seq) may still be
      // undone, so no stream or webhook of any process gets them yet (AlertStore.matchesAfter).
      // The process that wrote it (pid and start time) tells a crashed recording from a running one.
      s.executeUpdate("CREATE TABLE IF NOT EXISTS pending(id INTEGER PRIMARY KEY AUTOINCREMENT, "
          + "after_seq INTEGER NOT NULL, pid INTEGER NOT NULL, started INTEGER NOT NULL)");
      boolean firstLayout = hasColumn(s, "matches", "title");
      if (firstLayout) {
        s.executeUpdate("DROP INDEX IF EXISTS matches_by_alert"); // the name is reused below
        s.executeUpdate("ALTER TABLE matches RENAME TO matches_v1");
      }
      // n: the article's number in this store; match rows point at it. No index on the article id:
      // an article is stored when first seen, which the seen record already makes once.
      s.executeUpdate("CREATE TABLE IF NOT EXISTS articles(n INTEGER PRIMARY KEY, id TEXT NOT NULL, title TEXT, "
          + "url TEXT, source TEXT, language TEXT, published INTEGER)");
      s.executeUpdate("CREATE TABLE IF NOT EXISTS matches(seq INTEGER PRIMARY KEY AUTOINCREMENT, "
          + "alert INTEGER NOT NULL, article INTEGER NOT NULL, matched_at INTEGER NOT NULL)");
      // By alert, then seq: an index entry holds the row's seq after its key, so this is the order
      // an alert's matches are listed in, with entries of a few bytes.
      s.executeUpdate("CREATE INDEX IF NOT EXISTS matches_by_alert ON matches(alert)");
      // New articles get rising numbers, so this index only ever grows at its end: cheap to keep,
      // and it lets deleting an alert find which of its articles nobody else matched.
      s.executeUpdate("CREATE INDEX IF NOT EXISTS matches_by_article ON matches(article)");
      if (firstLayout) {
        s.executeUpdate("INSERT INTO articles(id, title, url, source, language, published) "
            + "SELECT article_id, title, url, source, language, published FROM matches_v1 GROUP BY article_id");
        s.executeUpdate("CREATE TEMP TABLE article_numbers AS SELECT id, n FROM articles");
        s.executeUpdate("CREATE INDEX temp.article_numbers_by_id ON article_numbers(id)");
        s.executeUpdate("INSERT INTO matches(seq, alert, article, matched_at) SELECT m.seq, al.n, a.n, m.matched_at "
            + "FROM matches_v1 m JOIN article_numbers a ON a.id = m.article_id JOIN alerts al ON al.id = m.alert_id "
            + "ORDER BY m.seq");
        s.executeUpdate("DROP TABLE temp.article_numbers");
        s.executeUpdate("DROP TABLE matches_v1");
      }
      db.commit();
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(wasAuto);
    }
  }

  private static boolean hasColumn(Statement s, String table, String column) throws SQLException {
    try (ResultSet r = s.executeQuery("SELECT 1 FROM pragma_table_info('" + table + "') WHERE name = '" + column + "'")) {
      return r.next();
    }
  }
}

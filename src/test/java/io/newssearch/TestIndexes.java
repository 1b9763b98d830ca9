package io.newssearch;

import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.lucene.ArticleDocuments;
import io.newssearch.lucene.IndexLayout;
import io.newssearch.lucene.LuceneIndexTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Builds real indexes in temp directories for tests, from articles written in code. */
public final class TestIndexes {

  private TestIndexes() {}

  /** Writes the articles into the live index at {@code dir} (creating it) and commits. */
  public static void write(Path dir, List<Article> articles) throws IOException {
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers()) {
      LuceneIndexTarget target = new LuceneIndexTarget(new IndexLayout(dir),
          new ArticleDocuments(analyzers), false, 16);
      for (Article a : articles) {
        target.upsert(a);
      }
      target.commit();
    }
  }

  /** Rebuilds the index at {@code dir} from the articles: a new generation, published when committed. */
  public static void rebuild(Path dir, List<Article> articles) throws IOException {
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers()) {
      LuceneIndexTarget target = new LuceneIndexTarget(new IndexLayout(dir), new ArticleDocuments(analyzers), true, 16);
      for (Article a : articles) {
        target.upsert(a);
      }
      target.commit();
    }
  }

  /**
   * Indexes the articles into any backend as a corpus run would (origin corpus, through the
   * indexer and its preparation), from a JSON Lines file written for the purpose.
   */
  public static void index(io.newssearch.Engine engine, List<Article> articles) throws IOException {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("newssearch-fixture-", ".jsonl");
    try {
      com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
      StringBuilder lines = new StringBuilder();
      for (Article a : articles) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", a.id());
        m.put("url", a.url());
        m.put("title", a.title());
        m.put("body", a.body());
        m.put("date", a.published() == null ? null : a.published().toString());
        m.put("language", a.language());
        m.put("tags", a.tags());
        m.put("source", a.source());
        lines.append(json.writeValueAsString(m)).append('\n');
      }
      java.nio.file.Files.writeString(file, lines);
      var summary = engine.indexer().run(new io.newssearch.index.Indexer.Options(List.of(file), false, true),
          io.newssearch.index.IndexProgress.NONE);
      if (summary.rejected() > 0) {
        throw new IllegalStateException("fixture rejected: " + summary.rejections());
      }
    } catch (io.newssearch.index.StrictModeException e) {
      throw new IllegalStateException("fixture rejected: " + e.summary().rejections(), e);
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }

  public static Article article(String id, String lang, String date, String title, String body,
      String source, String... tags) {
    return new Article(id, "https://news.example/" + id, title, body,
        date == null ? null : Instant.parse(date + "T09:00:00Z"), lang, List.of(tags), source, null);
  }

  /** A small multilingual news set with known answers. */
  /** The paraphrase collection ({@code src/test/resources/semantic/}, README there). */
  public static final Path PARAPHRASES = Path.of("src/test/resources/semantic");

  /**
   * The paraphrase collection's articles plus two on car-industry job cuts from one source, dated,
   * and a French one on the same (no vector: the model serves English only): what the search-mode
   * tests index with vectors.
   */
  public static List<Article> paraphrases() throws java.io.IOException {
    List<Article> articles = new java.util.ArrayList<>(io.newssearch.ingest.ParsedCorpus.read(
        List.of(PARAPHRASES.resolve("articles.jsonl"))).articles());
    articles.add(article("motor-1", "en", "2025-03-01", "Carmaker to shed 3,000 staff as sales slump",
        "The company said falling orders for its vehicles forced it to close two assembly lines and let go of "
            + "a tenth of its workforce.", "Motor Weekly"));
    articles.add(article("motor-2", "en", "2025-03-02", "Truck plant halts second shift",
        "Managers at the truck factory stopped the night shift and offered voluntary redundancy to staff.",
        "Motor Weekly"));
    articles.add(article("fr-1", "fr", "2025-03-03", "Un constructeur automobile supprime des emplois",
        "Le groupe va supprimer trois mille postes dans ses usines, faute de commandes.", "Le Journal"));
    return articles;
  }

  /** The paraphrase collection's queries, each with the id of the one article it paraphrases. */
  public static java.util.Map<String, String> paraphraseQueries() throws java.io.IOException {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String line : java.nio.file.Files.readAllLines(PARAPHRASES.resolve("queries.tsv"),
        java.nio.charset.StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      out.put(f[0], f[1]);
    }
    return out;
  }

  public static List<Article> newsroom() {
    return List.of(
        article("naval-1", "en", "2025-07-25", "Iran and Russia launch joint naval drill in Caspian Sea",
            "The navies of Iran and Russia began a joint naval drill on Monday. Rescue missions and "
                + "maritime security operations are part of the exercise.", "Harbor Gazette",
            "Iran", "Russia", "Caspian Sea"),
        article("naval-2", "en", "2025-07-28", "Observers watch Caspian exercise",
            "Observers from neighbouring states attended the exercise. Several drills were held at sea, "
                + "and the naval units practised search and rescue.", "Coastal Courier",
            "Caspian Sea", "Iran"),
        article("economy-1", "en", "2024-03-02", "Central bank holds interest rates",
            "The central bank held interest rates steady, citing easing inflation and a cooling labour "
                + "market. Analysts expect a cut later in the year.", "Market Ledger", "Economy"),
        article("economy-2", "en", "2025-01-15", "Inflation eases as energy prices fall",
            "Inflation eased for a third month as energy prices fell. The central bank said it would "
                + "watch wages closely.", "Market Ledger", "Economy", "Energy"),
        article("flood-old", "en", "2024-01-05", "River flood closes the old bridge",
            "The river flooded after heavy rain and the old bridge was closed to traffic.",
            "Valley Post", "Weather"),
        article("flood-new", "en", "2025-01-10", "River flood closes the old bridge",
            "The river flooded after heavy rain and the old bridge was closed to traffic.",
            "Valley Post", "Weather"),
        article("sport-1", "en", "2023-11-20", "Harbour city wins regatta",
            "Sailors from the harbour city won the autumn regatta after a close final race.",
            "Coastal Courier", "Sport"),
        article("ru-1", "ru", "2025-07-24", "Россия и Иран проведут военно-морские учения",
            "Военно-морские учения пройдут в Каспийском море. В учениях участвуют корабли двух стран.",
            "Каспийский вестник", "Россия", "Иран"),
        article("de-1", "de", "2024-06-10", "Der Bürgermeister eröffnet das neue Gebäude",
            "Der Bürgermeister hat am Montag das neue Gebäude an der Hauptstraße eröffnet.",
            "Stadtbote", "Stadt"),
        article("fr-1", "fr", "2024-04-21", "L'élection municipale approche",
            "Les candidats préparent l'élection municipale. Le débat porte sur l'économie locale.",
            "Le Veilleur", "Politique"),
        article("undated-1", "en", null, "Archive note on harbour history",
            "A note from the archive on the history of the harbour, without a date.", "Coastal Courier"),
        article("hostile-1", "en", "2025-02-02", "Markup <script>alert(1)</script> in a headline",
            "Body with <img src=x onerror=alert(2)> markup and the word regatta.", "Coastal Courier"));
  }
}

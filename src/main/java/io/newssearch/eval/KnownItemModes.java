package io.newssearch.eval;

import io.newssearch.lucene.LuceneEngine;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.lucene.ArticleDocuments;
import io.newssearch.lucene.IndexLayout;
import io.newssearch.lucene.LuceneIndexTarget;
import io.newssearch.ingest.ParsedCorpus;
import io.newssearch.semantic.Embedder;
import io.newssearch.semantic.EmbeddingText;
import io.newssearch.search.SearchMode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.queryparser.classic.QueryParser;

/**
 * MasakhaNEWS known-item search in the three modes, one language folder at a time: as in
 * {@link KnownItemEvaluation}, every article's text is indexed without its headline and the
 * headline is the query whose one right answer is its article. Lexical: written by the engine's
 * index target, searched through {@link LuceneEngine}'s search service with the headline escaped
 * (see EVALUATION.md, Somali). Semantic: the text's first {@value EmbeddingText#LEDE_WORDS} words
 * embedded, the headline embedded as written. Each mode retrieves {@value #DEPTH}.
 */
final class KnownItemModes {

  static final int DEPTH = 100;
  /** The articles are undated; a fixed "now" keeps runs reproducible. */
  private static final Instant NOW = Instant.parse("2023-01-01T00:00:00Z");

  /** One language's runs. */
  record Language(String folder, String code, ModeRuns runs) {}

  private KnownItemModes() {}

  /**
   * @param maxQueries at most this many headlines are asked, evenly spread over the folder (every
   *     article stays in the index); 0 = all
   */
  static Language run(Path folder, Path work, Embedder embedder, VectorCache cache, int maxQueries)
      throws IOException {
    String name = folder.getFileName().toString();
    List<Article> articles = articles(folder);
    String lang = articles.get(0).language();
    List<String> ids = articles.stream().map(Article::id).toList();
    float[][] docVectors = cache.vectors("masakhane-" + name + "-docs",
        articles.stream().map(a -> EmbeddingText.of(null, a.body())).toList(), embedder);
    float[][] queryVectors = cache.vectors("masakhane-" + name + "-queries",
        articles.stream().map(Article::title).toList(), embedder);

    Path indexDir = work.resolve("masakhane-" + name);
    index(indexDir, articles, lang);
    List<ModeRuns.Query> rows = new ArrayList<>();
    int step = maxQueries <= 0 ? 1 : (articles.size() + maxQueries - 1) / maxQueries;
    try (LuceneEngine engine = new LuceneEngine(indexDir); VectorIndex vectors = new VectorIndex(ids, docVectors)) {
      UserPath lexical = new UserPath(engine.search(), UserPath.modeParameters(NOW, SearchMode.LEXICAL, false));
      for (int i = 0; i < articles.size(); i += step) {
        Article a = articles.get(i);
        rows.add(new ModeRuns.Query(a.id(), Map.of(a.id(), 1),
            lexical.ranked(QueryParser.escape(a.title()), DEPTH),
            vectors.nearest(queryVectors[i], DEPTH), vectors.exactNearest(queryVectors[i], DEPTH)));
      }
    }
    return new Language(name, lang, new ModeRuns(rows));
  }

  /** The folder's articles that have a headline (the query) and a text (what is indexed). */
  static List<Article> articles(Path folder) throws IOException {
    List<Article> articles = ParsedCorpus.read(List.of(folder)).articles().stream()
        .filter(a -> a.title() != null && !a.title().isBlank() && a.body() != null && !a.body().isBlank())
        .toList();
    if (articles.isEmpty()) {
      throw new IOException("no article with a headline and a text in " + folder);
    }
    return articles;
  }

  /** The texts without their headlines, through the engine's own index target (a rebuild). */
  private static void index(Path dir, List<Article> articles, String lang) throws IOException {
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneIndexTarget target = new LuceneIndexTarget(new IndexLayout(dir), new ArticleDocuments(analyzers), true,
            LuceneIndexTarget.DEFAULT_RAM_BUFFER_MB)) {
      for (Article a : articles) {
        target.upsert(new Article(a.id(), null, "", a.body(), null, lang, List.of(), null, null));
      }
      target.commit();
    }
  }
}

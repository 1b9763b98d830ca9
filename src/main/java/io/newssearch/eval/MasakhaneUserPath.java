package io.newssearch.eval;

import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.lucene.ArticleDocuments;
import io.newssearch.lucene.ArticleVectors;
import io.newssearch.lucene.IndexLayout;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.lucene.LuceneIndexTarget;
import io.newssearch.search.SearchMode;
import io.newssearch.semantic.SharedEmbedder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.queryparser.classic.QueryParser;

/**
 * MasakhaNEWS known-item search in the engine's three modes, as a user of {@code --vectors} gets
 * them: per language folder, every article's text (without its headline, as in
 * {@link KnownItemModes}) written by the engine's index target with vectors on, so the engine
 * decides which articles get one (English only: {@code EmbeddingText.LANGUAGES}); then each
 * headline (escaped, as there) asked through {@link UserPath} with {@code mode=lexical|semantic|hybrid},
 * {@code collapse=none}, {@code dates=off}, to {@value KnownItemModes#DEPTH} articles. Its one right
 * answer is its article. Unlike {@link KnownItemModes}, hybrid is the engine's (a window of the top
 * 100 of each ranking fused, then the other lexical matches), and an article the engine does not
 * embed (French) is never a semantic hit.
 */
final class MasakhaneUserPath {

  private static final List<SearchMode> MODES = List.of(SearchMode.LEXICAL, SearchMode.SEMANTIC, SearchMode.HYBRID);
  /** The articles are undated; a fixed "now" keeps runs reproducible. */
  private static final Instant NOW = Instant.parse("2023-01-01T00:00:00Z");

  private MasakhaneUserPath() {}

  /** @param maxQueries headlines asked, evenly spread (every article stays indexed); 0 = all */
  static void run(Path folder, Path work, int maxQueries, PrintStream print) throws IOException {
    String name = folder.getFileName().toString();
    List<Article> articles = KnownItemModes.articles(folder);
    Path indexDir = work.resolve("masakhane-user-path-" + name);
    long start = System.nanoTime();
    List<Article> texts = articles.stream()
        .map(a -> new Article(a.id(), null, "", a.body(), null, a.language(), List.of(), null, null)).toList();
    writeWithVectors(indexDir, texts);
    print.printf(Locale.ROOT, "%s: %d articles written with vectors on in %.1f s (embedding included)%n", name,
        articles.size(), (System.nanoTime() - start) / 1e9);

    int step = maxQueries <= 0 ? 1 : (articles.size() + maxQueries - 1) / maxQueries;
    Map<SearchMode, Map<String, List<TrecMeasures.Scored>>> runs = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> judged = new LinkedHashMap<>();
    try (LuceneEngine engine = new LuceneEngine(indexDir)) {
      for (SearchMode mode : MODES) {
        UserPath search = new UserPath(engine.search(), UserPath.modeParameters(NOW, mode, false));
        Map<String, List<TrecMeasures.Scored>> byQuery = new LinkedHashMap<>();
        for (int i = 0; i < articles.size(); i += step) {
          Article a = articles.get(i);
          byQuery.put(a.id(), scored(search.ranked(QueryParser.escape(a.title()), KnownItemModes.DEPTH)));
          judged.put(a.id(), Map.of(a.id(), 1));
        }
        runs.put(mode, byQuery);
      }
    }
    print.println("| " + name + " (" + articles.get(0).language()
        + "), user path | queries | MAP | nDCG@10 | P@10 | recall@100 | MRR@10 |");
    print.println("|---|---|---|---|---|---|---|");
    List<String> order = List.copyOf(judged.keySet());
    for (ModeRuns.Half half : ModeRuns.Half.values()) {
      Map<String, Map<String, Integer>> part = new LinkedHashMap<>();
      for (int i = 0; i < order.size(); i++) {
        if (half.holds(i)) {
          part.put(order.get(i), judged.get(order.get(i)));
        }
      }
      for (SearchMode mode : MODES) {
        TrecMeasures.Values v = TrecMeasures.mean(runs.get(mode), new Qrels(part));
        print.printf(Locale.ROOT, "| %s, %s | %d | %.4f | %.4f | %.4f | %.4f | %.4f |%n", mode.label(),
            half == ModeRuns.Half.ALL ? "all" : "half " + half, part.size(), v.ap(), v.ndcg10(), v.p10(),
            v.recall100(), v.rr10());
      }
    }
  }

  /**
   * Articles through the engine's own index target into a new index, as {@code index --rebuild
   * --vectors} writes them: the target embeds on the two threads that write, as the indexer's
   * workers do.
   */
  static void writeWithVectors(Path dir, List<Article> articles) throws IOException {
    try (SharedEmbedder embedder = new SharedEmbedder();
        LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneIndexTarget target = new LuceneIndexTarget(new IndexLayout(dir), new ArticleDocuments(analyzers), true,
            LuceneIndexTarget.DEFAULT_RAM_BUFFER_MB, new ArticleVectors.Source(true, embedder))) {
      int threads = 2;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int part = t;
          parts.add(pool.submit(() -> {
            for (int i = part; i < articles.size(); i += threads) {
              target.upsert(articles.get(i));
            }
            return null;
          }));
        }
        for (Future<?> f : parts) {
          f.get();
        }
      } catch (Exception e) {
        throw new IOException("indexing " + dir + " failed: " + e.getMessage(), e);
      } finally {
        pool.shutdown();
      }
      target.commit();
    }
  }

  private static List<TrecMeasures.Scored> scored(List<String> ids) {
    List<TrecMeasures.Scored> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      out.add(new TrecMeasures.Scored(ids.get(i), ids.size() - i));
    }
    return out;
  }
}

package io.newssearch.bench;

import io.newssearch.alerts.Alert;
import io.newssearch.alerts.AlertMatcher;
import io.newssearch.alerts.Alerts;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.index.IndexListener;
import io.newssearch.index.IndexedArticle;
import io.newssearch.index.Origin;
import io.newssearch.ingest.ArticlePreparer;
import io.newssearch.lucene.LuceneEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * Saved searches under load: many alerts drawn from a real collection's headlines
 * ({@link QuerySet}: terms, AND and OR pairs, phrases, a word with a language and a tag), then
 * (1) the time to match one new article against all of them, per article, and (2) articles per
 * second through the API write path ({@code ArticleStore.upsert} in batches, each a commit) with
 * nobody listening and with the alerts listening — seen-record lookups, matching, and the
 * recording transaction included — in interleaved rounds on fresh ids.
 */
public final class AlertBenchmark {

  /**
   * @param matchMs milliseconds to match one article against every alert, one per held-out article
   * @param matchesPerArticle alerts an article matched, on average
   * @param without articles per second per round with no listener
   * @param with the same with the alerts listening
   */
  public record Result(int alerts, int baseArticles, int articles, List<Double> matchMs, double matchesPerArticle,
      List<Double> without, List<Double> with) {}

  private AlertBenchmark() {}

  public static Result run(List<Path> corpus, Path work, int alertCount, int heldOut, int batch, int rounds, long seed)
      throws IOException {
    Measure.deleteTree(work);
    Files.createDirectories(work);
    ArticlePreparer preparer = ArticlePreparer.standard();
    List<Article> parsed = new ArrayList<>();
    CorpusArticles.forEach(corpus, parsed::add);
    List<Article> all = parsed.parallelStream().map(preparer::prepare).filter(ArticlePreparer.Prepared::ok)
        .map(ArticlePreparer.Prepared::article).toList();
    if (all.size() <= heldOut * 2) {
      throw new IllegalArgumentException("the corpus has " + all.size() + " articles; --articles must be under half of that");
    }
    List<Article> base = all.subList(0, all.size() - heldOut);
    List<Article> fresh = all.subList(all.size() - heldOut, all.size());

    try (LuceneEngine engine = new LuceneEngine(work.resolve("index"));
        Alerts alerts = Alerts.offline(work.resolve("index").resolve(Alerts.FOLDER));
        LanguageAnalyzers analyzers = new LanguageAnalyzers()) {
      for (int i = 0; i < base.size(); i += 5_000) {
        engine.store().upsert(base.subList(i, Math.min(base.size(), i + 5_000)));
      }
      List<Alert> saved = alerts.addAll(draw(engine, alertCount, seed));

      // (1) matching one article, with no indexing around it
      AlertMatcher matcher = new AlertMatcher(analyzers);
      matcher.load(saved);
      List<IndexedArticle> indexed = fresh.stream().map(a -> IndexedArticle.of(a, Origin.API)).toList();
      for (int i = 0; i < Math.min(200, indexed.size()); i++) {
        matcher.match(indexed.get(i)); // warm-up; compiles each language's presearcher
      }
      List<Double> ms = new ArrayList<>();
      long matches = 0;
      for (IndexedArticle a : indexed) {
        long t = System.nanoTime();
        matches += matcher.match(a).size();
        ms.add((System.nanoTime() - t) / 1e6);
      }

      // (2) the write path, interleaved, fresh ids every pass so each article is new to the seen record
      IndexListener listening = alerts.listener();
      List<Double> without = new ArrayList<>(), with = new ArrayList<>();
      for (int round = 0; round <= rounds; round++) { // round 0 warms up both
        for (int k = 0; k < 2; k++) {
          boolean alertsOn = (round + k) % 2 == 1;
          engine.listen(alertsOn ? listening : IndexListener.NONE);
          List<Article> pass = renamed(fresh, "-r" + round + (alertsOn ? "a" : "n"));
          long t = System.nanoTime();
          for (int i = 0; i < pass.size(); i += batch) {
            engine.store().upsert(pass.subList(i, Math.min(pass.size(), i + batch)));
          }
          double perSecond = pass.size() / ((System.nanoTime() - t) / 1e9);
          if (round > 0) {
            (alertsOn ? with : without).add(perSecond);
          }
          Measure.pause(Duration.ofSeconds(2));
        }
      }
      return new Result(saved.size(), base.size(), fresh.size(), ms, (double) matches / indexed.size(), without, with);
    }
  }

  /** Alerts as people would save them: a headline word, two (any or both), a phrase, a word in a language with a tag. */
  static List<Map<String, List<String>>> draw(LuceneEngine engine, int count, long seed) throws IOException {
    List<Map<String, List<String>>> out = new ArrayList<>();
    try (var dir = FSDirectory.open(engine.layout().current().orElseThrow());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      List<QueryCase> cases = new ArrayList<>(QuerySet.draw(reader, seed, count / 5 + 1));
      Collections.shuffle(cases, new java.util.Random(seed));
      for (QueryCase c : cases) {
        if (c.text().isBlank() || out.size() == count) {
          continue;
        }
        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put("name", List.of(c.type() + " " + out.size()));
        a.put("q", List.of(c.text()));
        if (c.matchAll()) a.put("op", List.of("and"));
        if (c.language() != null) a.put("lang", List.of(c.language()));
        if (c.tag() != null) a.put("tag", List.of(c.tag()));
        out.add(a);
      }
    }
    if (out.size() < count) {
      throw new IllegalStateException("drew only " + out.size() + " alerts from the index; a larger corpus is needed");
    }
    return out;
  }

  private static List<Article> renamed(List<Article> articles, String suffix) {
    return articles.stream().map(a -> new Article(a.id() + suffix, a.url() == null ? null : a.url() + suffix, a.title(),
        a.body(), a.published(), a.language(), a.tags(), a.source(), a.author())).toList();
  }
}

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
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * Saved searches under load: alerts drawn from a real collection's headlines ({@link AlertMix}:
 * selective monitoring alerts, or the broad search mix), then for each number of
 * alerts (1) the time to match one new article against all of them, per article, and (2) articles
 * per second through the API write path ({@code ArticleStore.upsert} in batches, each a commit)
 * with the alerts listening — seen-record lookups, matching and the recording transaction
 * included — against nobody listening, in interleaved rounds on fresh ids.
 */
public final class AlertBenchmark {

  /**
   * @param alerts alerts listening, 0 for nobody
   * @param matchMs milliseconds to match one article against every alert, one per new article (empty for 0)
   * @param matchesPerArticle alerts an article matched, on average
   * @param perSecond articles per second through the write path, one per round
   */
  public record Mode(int alerts, List<Double> matchMs, double matchesPerArticle, List<Double> perSecond) {}

  public record Result(int baseArticles, int articles, List<Mode> modes) {}

  private AlertBenchmark() {}

  /** @param counts numbers of alerts to measure, each against the same index and new articles */
  public static Result run(List<Path> corpus, Path work, AlertMix mix, List<Integer> counts, int heldOut, int batch,
      int rounds, long seed) throws IOException {
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
    List<IndexedArticle> fresh = all.subList(all.size() - heldOut, all.size()).stream()
        .map(a -> IndexedArticle.of(a, Origin.API)).toList();

    List<Alerts> stores = new ArrayList<>();
    try (LuceneEngine engine = new LuceneEngine(work.resolve("index"));
        LanguageAnalyzers analyzers = new LanguageAnalyzers()) {
      for (int i = 0; i < base.size(); i += 5_000) {
        engine.store().upsert(base.subList(i, Math.min(base.size(), i + 5_000)));
      }
      List<Map<String, List<String>>> drawn = draw(engine, mix, Collections.max(counts), seed);
      List<Mode> modes = new ArrayList<>();
      List<IndexListener> listeners = new ArrayList<>();
      modes.add(new Mode(0, List.of(), 0, new ArrayList<>()));
      listeners.add(IndexListener.NONE);
      for (int count : counts) {
        Alerts alerts = Alerts.offline(work.resolve("alerts-" + count));
        stores.add(alerts);
        List<Alert> saved = alerts.addAll(drawn.subList(0, count));
        Mode m = matchTimes(new AlertMatcher(analyzers), saved, fresh);
        modes.add(m);
        listeners.add(alerts.listener());
      }
      // The write path: every mode once per round, in a rotating order, fresh ids each pass so
      // every article is new to the seen record; round 0 warms up and is not counted.
      for (int round = 0; round <= rounds; round++) {
        for (int k = 0; k < modes.size(); k++) {
          int mode = (round + k) % modes.size();
          engine.listen(listeners.get(mode));
          List<Article> pass = renamed(fresh, "-r" + round + "m" + mode);
          long t = System.nanoTime();
          for (int i = 0; i < pass.size(); i += batch) {
            engine.store().upsert(pass.subList(i, Math.min(pass.size(), i + batch)));
          }
          double perSecond = pass.size() / ((System.nanoTime() - t) / 1e9);
          if (round > 0) {
            modes.get(mode).perSecond().add(perSecond);
          }
          Measure.pause(Duration.ofSeconds(2));
        }
      }
      engine.listen(IndexListener.NONE);
      return new Result(base.size(), fresh.size(), modes);
    } finally {
      for (Alerts a : stores) {
        a.close();
      }
    }
  }

  /** Matching alone, with no indexing around it: a warm-up pass (it compiles each language's presearcher), then one timed. */
  private static Mode matchTimes(AlertMatcher matcher, List<Alert> alerts, List<IndexedArticle> articles) throws IOException {
    matcher.load(alerts);
    for (IndexedArticle a : articles) {
      matcher.match(a);
    }
    List<Double> ms = new ArrayList<>();
    long matches = 0;
    for (IndexedArticle a : articles) {
      long t = System.nanoTime();
      matches += matcher.match(a).size();
      ms.add((System.nanoTime() - t) / 1e6);
    }
    return new Mode(alerts.size(), ms, (double) matches / articles.size(), new ArrayList<>());
  }

  /** The alerts of the mix, drawn from the index's headlines. */
  static List<Map<String, List<String>>> draw(LuceneEngine engine, AlertMix mix, int count, long seed) throws IOException {
    try (var dir = FSDirectory.open(engine.layout().current().orElseThrow());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      return mix.draw(reader, count, seed);
    }
  }

  private static List<Article> renamed(List<IndexedArticle> articles, String suffix) {
    return articles.stream().map(IndexedArticle::article).map(a -> new Article(a.id() + suffix,
        a.url() == null ? null : a.url() + suffix, a.title(), a.body(), a.published(), a.language(), a.tags(),
        a.source(), a.author())).toList();
  }
}

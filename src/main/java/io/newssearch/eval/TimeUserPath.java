package io.newssearch.eval;

import io.newssearch.index.IndexProgress;
import io.newssearch.index.Indexer;
import io.newssearch.index.StrictModeException;
import io.newssearch.lucene.IndexHandle;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.search.SearchLimits;
import io.newssearch.search.SearchMode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TIME 1963 in the three modes exactly as a user gets them: the index built as {@code index
 * --rebuild --vectors} builds it (the real {@link Indexer}, the engine embedding English articles),
 * each query sent through the engine's search service with {@code mode=lexical|semantic|hybrid}
 * (and once without a mode, to check the default), {@code collapse=none}, {@code dates=off}, to
 * {@value TimeEvaluation#DEPTH} articles. Unlike {@link TimeModes}, hybrid here is the engine's:
 * a window of the top 100 of each ranking fused, then the other lexical matches.
 */
final class TimeUserPath {

  private static final List<SearchMode> MODES = List.of(SearchMode.LEXICAL, SearchMode.SEMANTIC, SearchMode.HYBRID);

  private TimeUserPath() {}

  static void run(Path collection, Path work, PrintStream print) throws IOException {
    Qrels qrels = Qrels.read(collection.resolve("qrels.txt"));
    Map<String, String> queries = TimeEvaluation.readQueries(collection.resolve("queries.tsv"));
    Path indexDir = work.resolve("time-user-path-index");
    Map<SearchMode, Map<String, List<TrecMeasures.Scored>>> runs = new LinkedHashMap<>();
    int defaultIsHybrid = 0;
    try (LuceneEngine engine = new LuceneEngine(indexDir, IndexHandle.DEFAULT_REFRESH_INTERVAL, SearchLimits.DEFAULTS,
        true)) {
      long start = System.nanoTime();
      var summary = engine.indexer().run(new Indexer.Options(List.of(collection.resolve("TIME.ALL")), true, false),
          IndexProgress.NONE);
      print.printf(Locale.ROOT, "index --rebuild --vectors: %d articles in %.1f s (embedding included)%n",
          summary.indexed() + summary.updated(), (System.nanoTime() - start) / 1e9);
      for (SearchMode mode : MODES) {
        UserPath search = new UserPath(engine.search(), UserPath.modeParameters(TimeEvaluation.END_OF_1963, mode, false));
        Map<String, List<TrecMeasures.Scored>> byQuery = new LinkedHashMap<>();
        for (var q : queries.entrySet()) {
          byQuery.put(q.getKey(), scored(search.ranked(q.getValue(), TimeEvaluation.DEPTH)));
        }
        runs.put(mode, byQuery);
      }
      UserPath byDefault = new UserPath(engine.search(), UserPath.modeParameters(TimeEvaluation.END_OF_1963, null, false));
      for (var q : queries.entrySet()) {
        defaultIsHybrid += byDefault.ranked(q.getValue(), 10).stream().map(TimeEvaluation::docno).toList()
            .equals(docIds(runs.get(SearchMode.HYBRID).get(q.getKey()), 10)) ? 1 : 0;
      }
    } catch (StrictModeException e) {
      throw new IllegalStateException("not strict, cannot happen", e);
    }
    print.printf("without mode, the first 10 equal mode=hybrid's for %d of %d queries%n", defaultIsHybrid,
        queries.size());
    print.println("| mode (user path) | queries | MAP | nDCG@10 | P@10 | recall@100 | MRR@10 |");
    print.println("|---|---|---|---|---|---|---|");
    List<String> order = List.copyOf(queries.keySet());
    for (ModeRuns.Half half : ModeRuns.Half.values()) {
      Map<String, Map<String, Integer>> judged = new LinkedHashMap<>();
      for (int i = 0; i < order.size(); i++) {
        if (half.holds(i)) {
          judged.put(order.get(i), qrels.judgments(order.get(i)));
        }
      }
      Qrels part = new Qrels(judged);
      long counted = judged.values().stream().filter(j -> TrecMeasures.relevantCount(j) > 0).count();
      for (SearchMode mode : MODES) {
        TrecMeasures.Values v = TrecMeasures.mean(runs.get(mode), part);
        print.printf(Locale.ROOT, "| %s, %s | %d | %.4f | %.4f | %.4f | %.4f | %.4f |%n", mode.label(),
            half == ModeRuns.Half.ALL ? "all" : "half " + half, counted, v.ap(), v.ndcg10(), v.p10(), v.recall100(),
            v.rr10());
      }
    }
  }

  private static List<TrecMeasures.Scored> scored(List<String> ids) {
    List<TrecMeasures.Scored> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      out.add(new TrecMeasures.Scored(TimeEvaluation.docno(ids.get(i)), ids.size() - i));
    }
    return out;
  }

  private static List<String> docIds(List<TrecMeasures.Scored> run, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(n, run.size()); i++) {
      out.add(run.get(i).docno());
    }
    return out;
  }
}

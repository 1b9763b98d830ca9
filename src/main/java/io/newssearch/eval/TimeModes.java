package io.newssearch.eval;

import io.newssearch.lucene.LuceneEngine;
import io.newssearch.article.Article;
import io.newssearch.index.IndexProgress;
import io.newssearch.index.Indexer;
import io.newssearch.index.StrictModeException;
import io.newssearch.ingest.ParsedCorpus;
import io.newssearch.semantic.Embedder;
import io.newssearch.semantic.EmbeddingText;
import io.newssearch.search.SearchMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TIME 1963 in the three modes. Lexical: the index built by the real pipeline ({@code Indexer}),
 * searched through {@link LuceneEngine}'s search service ({@link UserPath}). Semantic: each
 * article's {@link EmbeddingText} (title + lede) in a {@link VectorIndex}, each query embedded as
 * typed. Both retrieve {@value TimeEvaluation#DEPTH} (every article: there are 423).
 */
final class TimeModes {

  /** The lexical ranking with the shipped story collapse, for comparison with the article runs. */
  record Result(ModeRuns runs, ModeRuns collapsedLexical) {}

  private TimeModes() {}

  static Result run(Path collection, Path work, Embedder embedder, VectorCache cache) throws IOException {
    Qrels qrels = Qrels.read(collection.resolve("qrels.txt"));
    Map<String, String> queries = TimeEvaluation.readQueries(collection.resolve("queries.tsv"));
    Path timeAll = collection.resolve("TIME.ALL");
    List<Article> articles = ParsedCorpus.read(List.of(timeAll)).articles();

    List<String> ids = articles.stream().map(a -> TimeEvaluation.docno(a.id())).toList();
    float[][] docVectors = cache.vectors("time-docs", articles.stream()
        .map(a -> EmbeddingText.of(a.title(), a.body())).toList(), embedder);
    List<String> texts = List.copyOf(queries.values());
    float[][] queryVectors = cache.vectors("time-queries", texts, embedder);

    List<ModeRuns.Query> rows = new ArrayList<>();
    List<ModeRuns.Query> collapsed = new ArrayList<>();
    Path indexDir = work.resolve("time-modes-index");
    try (LuceneEngine engine = new LuceneEngine(indexDir); VectorIndex vectors = new VectorIndex(ids, docVectors)) {
      engine.indexer().run(new Indexer.Options(List.of(timeAll), true, false), IndexProgress.NONE);
      UserPath lexical = new UserPath(engine.search(),
          UserPath.modeParameters(TimeEvaluation.END_OF_1963, SearchMode.LEXICAL, false));
      UserPath stories = new UserPath(engine.search(),
          UserPath.modeParameters(TimeEvaluation.END_OF_1963, SearchMode.LEXICAL, true));
      int i = 0;
      for (var q : queries.entrySet()) {
        Map<String, Integer> judged = qrels.judgments(q.getKey());
        List<String> semantic = vectors.nearest(queryVectors[i], TimeEvaluation.DEPTH);
        List<String> exact = vectors.exactNearest(queryVectors[i], TimeEvaluation.DEPTH);
        rows.add(new ModeRuns.Query(q.getKey(), judged, docnos(lexical.ranked(q.getValue(), TimeEvaluation.DEPTH)),
            semantic, exact));
        collapsed.add(new ModeRuns.Query(q.getKey(), judged, docnos(stories.ranked(q.getValue(), TimeEvaluation.DEPTH)),
            List.of(), List.of()));
        i++;
      }
    } catch (StrictModeException e) {
      throw new IllegalStateException("not strict, cannot happen", e);
    }
    return new Result(new ModeRuns(rows), new ModeRuns(collapsed));
  }

  private static List<String> docnos(List<String> ids) {
    return ids.stream().map(TimeEvaluation::docno).toList();
  }
}

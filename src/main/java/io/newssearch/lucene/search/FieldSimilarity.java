package io.newssearch.lucene.search;

import io.newssearch.lucene.Schema;
import io.newssearch.search.Ranking;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * BM25 with the ranking's own k1 and b for the story text ({@link Ranking#body()}) and for the
 * sub-word pieces ({@link Ranking#subwordsBm25()}), Lucene's defaults elsewhere. A news story's
 * length says less about its topic than a web page's does, so its length normalisation is a
 * ranking setting; the pieces count by how many of the query's an article holds more than by how
 * often it repeats one. The index's norms are the same whatever k1 and b are, so the settings take
 * effect at search time, on the searcher a request scores and explains with.
 */
final class FieldSimilarity extends PerFieldSimilarityWrapper {

  private static final Similarity DEFAULT = new BM25Similarity();

  private final Similarity body;
  private final Similarity subwords;

  private FieldSimilarity(Ranking.Bm25 body, Ranking.Bm25 subwords) {
    this.body = bm25(body);
    this.subwords = bm25(subwords);
  }

  private static Similarity bm25(Ranking.Bm25 p) {
    return p.equals(Ranking.Bm25.LUCENE) ? DEFAULT : new BM25Similarity(p.k1(), p.b());
  }

  /** The similarity a searcher needs for {@code ranking}: Lucene's own when both keep its defaults. */
  static Similarity of(Ranking ranking) {
    return ranking.body().equals(Ranking.Bm25.LUCENE) && ranking.subwordsBm25().equals(Ranking.Bm25.LUCENE)
        ? DEFAULT : new FieldSimilarity(ranking.body(), ranking.subwordsBm25());
  }

  /** {@code searcher} set to score as {@code ranking} says; returned for chaining. */
  static IndexSearcher apply(IndexSearcher searcher, Similarity similarity) {
    searcher.setSimilarity(similarity);
    return searcher;
  }

  @Override
  public Similarity get(String field) {
    return Schema.BODY.equals(field) ? body : Schema.SUBWORDS.equals(field) ? subwords : DEFAULT;
  }
}

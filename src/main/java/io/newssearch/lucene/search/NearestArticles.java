package io.newssearch.lucene.search;

import io.newssearch.article.Article;
import io.newssearch.lucene.ArticleVectors;
import io.newssearch.lucene.Schema;
import io.newssearch.semantic.VectorFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * The articles nearest one article by meaning, for related articles: a kNN search from its stored
 * vector, restricted (inside the kNN search) to its language and to other ids; exact copies of it
 * (same title and body) are dropped, as related articles by words drop them.
 */
final class NearestArticles {

  private NearestArticles() {}

  /** The stored vector of a document of this searcher, or null when it has none (not English, no vectors). */
  static float[] vectorOf(IndexSearcher searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    return ArticleVectors.stored(leaf.reader(), doc - leaf.docBase);
  }

  /** Up to {@code size} nearest, best first, scored by similarity ((1 + cosine) / 2). */
  static List<ScoreDoc> find(IndexSearcher searcher, Article article, float[] vector, int size) throws IOException {
    var filter = new BooleanQuery.Builder()
        .add(KeywordField.newExactQuery(Schema.LANGUAGE, article.language()), Occur.FILTER)
        .add(KeywordField.newExactQuery(Schema.ID, article.id()), Occur.MUST_NOT)
        .build();
    int k = size + RelatedArticles.ROUND_EXTRA; // room for the copies dropped below
    StoredFields stored = searcher.storedFields();
    List<ScoreDoc> kept = new ArrayList<>(size);
    for (ScoreDoc sd : searcher.search(VectorFields.nearest(vector, k, filter), k).scoreDocs) {
      if (kept.size() < size && !RelatedArticles.isCopy(stored.document(sd.doc, RelatedArticles.COPY_FIELDS), article)) {
        kept.add(sd);
      }
    }
    return kept;
  }
}

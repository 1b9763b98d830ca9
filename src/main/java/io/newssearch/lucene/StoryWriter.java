package io.newssearch.lucene;

import io.newssearch.index.IndexedArticle;
import io.newssearch.story.StoryCandidates;
import io.newssearch.story.StoryClusters;
import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * The index side of story clustering for one write run: looks up candidates by band term in the
 * index as it was before the run, gives each written article its story id, and before the commit
 * rewrites the articles and indexed stories that {@link StoryClusters#finish} renames.
 */
final class StoryWriter {

  private final StoryClusters clusters;

  /** @param before the index before this run, or null for a rebuild */
  StoryWriter(IndexSearcher before) {
    this.clusters = new StoryClusters(before == null ? StoryCandidates.NONE : new LuceneStoryCandidates(before));
  }

  Document document(ArticleDocuments documents, IndexedArticle a) throws IOException {
    return documents.toDocument(a, clusters.add(a.id(), a.signature(), a.publishedMillis()));
  }

  void deleted(String id) {
    clusters.remove(id);
  }

  /** Applies the renames through a reader of the writer's uncommitted state; returns how many were rewritten. */
  int finish(IndexWriter writer, ArticleDocuments documents) throws IOException {
    StoryClusters.Renames renames = clusters.finish();
    if (renames.articles().isEmpty() && renames.stories().isEmpty()) {
      return 0;
    }
    int rewritten = 0;
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = searcher.storedFields();
      for (var e : renames.stories().entrySet()) {
        rewritten += rewrite(writer, documents, searcher, stored, Schema.STORY, e.getKey(), e.getValue());
      }
      for (var e : renames.articles().entrySet()) {
        rewritten += rewrite(writer, documents, searcher, stored, Schema.ID, e.getKey(), e.getValue());
      }
    }
    return rewritten;
  }

  private static int rewrite(IndexWriter writer, ArticleDocuments documents, IndexSearcher searcher,
      StoredFields stored, String field, String value, String story) throws IOException {
    int n = 0;
    for (ScoreDoc sd : searcher.search(KeywordField.newExactQuery(field, value), Integer.MAX_VALUE).scoreDocs) {
      IndexedArticle a = ArticleDocuments.indexed(stored.document(sd.doc));
      writer.updateDocument(ArticleDocuments.idTerm(a.id()), documents.toDocument(a, story));
      n++;
    }
    return n;
  }


}

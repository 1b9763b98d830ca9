package io.newssearch.lucene;

import io.newssearch.index.IndexedArticle;
import io.newssearch.story.StoryClusters;
import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;

/**
 * Applies {@link StoryClusters#finish}'s renames: every document of a renamed story, and every
 * renamed article, is rewritten from its stored fields with the new story id. Lucene cannot change
 * one field of a document in place, so a rename is a rewrite; stories are renamed rarely (when an
 * article with a smaller id joins), which keeps this cheap.
 */
final class StoryRenames {

  private StoryRenames() {}

  /**
   * @param reader shows every document the renames name (a reader of the writer, just reopened)
   * @return documents rewritten
   */
  static int apply(IndexWriter writer, ArticleDocuments documents, DirectoryReader reader,
      StoryClusters.Renames renames) throws IOException {
    if (renames.isEmpty()) {
      return 0;
    }
    int rewritten = 0;
    // Stories first, then articles: an article's own rename is the more specific one, so it wins.
    for (var e : renames.stories().entrySet()) {
      rewritten += rewrite(writer, documents, reader, Schema.STORY, e.getKey(), e.getValue());
    }
    for (var e : renames.articles().entrySet()) {
      rewritten += rewrite(writer, documents, reader, Schema.ID, e.getKey(), e.getValue());
    }
    return rewritten;
  }

  private static int rewrite(IndexWriter writer, ArticleDocuments documents, DirectoryReader reader,
      String field, String value, String story) throws IOException {
    int[] n = {0};
    TermDocs.forEach(reader, field, value, (leaf, doc) -> {
      IndexedArticle a = ArticleDocuments.indexed(leaf.storedFields().document(doc));
      float[] vector = ArticleVectors.stored(leaf, doc); // kept, not embedded again
      writer.updateDocument(ArticleDocuments.idTerm(a.id()), documents.toDocument(a, story, vector));
      n[0]++;
    });
    return n[0];
  }
}

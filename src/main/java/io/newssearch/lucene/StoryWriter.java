package io.newssearch.lucene;

import io.newssearch.index.Origin;
import io.newssearch.article.Article;
import io.newssearch.story.Signature;
import io.newssearch.story.StoryClusters;
import io.newssearch.story.StoryClusters.Candidate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The index side of story clustering for one write run: looks up candidates by band term in the
 * index as it was before the run, gives each written article its story id, and before the commit
 * rewrites the articles and indexed stories that {@link StoryClusters#finish} renames.
 */
final class StoryWriter {

  /** Candidates read per new article; band keys are specific, so more means a degenerate body. */
  private static final int MAX_CANDIDATES = 500;
  private static final Set<String> CANDIDATE_FIELDS = Set.of(Schema.ID, Schema.STORY, Schema.STORY_SIGNATURE,
      Schema.PUBLISHED);

  private final StoryClusters clusters;

  /** @param before the index before this run, or null for a rebuild */
  StoryWriter(IndexSearcher before) {
    this.clusters = new StoryClusters(keys -> before == null ? List.of() : candidates(before, keys));
  }

  Document document(ArticleDocuments documents, Article a, Origin origin) throws IOException {
    Signature sig = Signature.of(a.body());
    Long published = a.published() == null ? null : a.published().toEpochMilli();
    return documents.toDocument(a, clusters.add(a.id(), sig, published), sig, origin);
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
      Document d = stored.document(sd.doc);
      Article a = ArticleDocuments.fromDocument(d);
      writer.updateDocument(ArticleDocuments.idTerm(a.id()), documents.toDocument(a, story, ArticleDocuments.signature(d),
          ArticleDocuments.origin(d)));
      n++;
    }
    return n;
  }

  private static List<Candidate> candidates(IndexSearcher before, List<String> keys) throws IOException {
    List<BytesRef> terms = keys.stream().map(BytesRef::new).toList();
    ScoreDoc[] hits = before.search(new TermInSetQuery(Schema.STORY_BANDS, terms), MAX_CANDIDATES).scoreDocs;
    StoredFields stored = before.storedFields();
    List<Candidate> out = new ArrayList<>(hits.length);
    for (ScoreDoc sd : hits) {
      Document d = stored.document(sd.doc, CANDIDATE_FIELDS);
      Signature sig = ArticleDocuments.signature(d);
      String id = d.get(Schema.ID);
      if (sig != null) {
        var published = d.getField(Schema.PUBLISHED);
        out.add(new Candidate(id, d.get(Schema.STORY) == null ? id : d.get(Schema.STORY), sig,
            published == null ? null : published.numericValue().longValue()));
      }
    }
    return out;
  }

}

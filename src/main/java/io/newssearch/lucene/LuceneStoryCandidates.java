package io.newssearch.lucene;

import io.newssearch.story.Signature;
import io.newssearch.story.StoryCandidates;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/** Story candidates from an index searcher: the documents carrying any of the band terms. */
final class LuceneStoryCandidates implements StoryCandidates {

  private static final Set<String> FIELDS = Set.of(Schema.ID, Schema.STORY, Schema.STORY_SIGNATURE, Schema.PUBLISHED);

  private final IndexSearcher searcher;

  LuceneStoryCandidates(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  @Override
  public List<Candidate> candidates(List<String> keys) throws IOException {
    List<BytesRef> terms = keys.stream().map(BytesRef::new).toList();
    ScoreDoc[] hits = searcher.search(new TermInSetQuery(Schema.STORY_BANDS, terms), MAX_CANDIDATES).scoreDocs;
    StoredFields stored = searcher.storedFields();
    List<Candidate> out = new ArrayList<>(hits.length);
    for (ScoreDoc sd : hits) {
      Document d = stored.document(sd.doc, FIELDS);
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

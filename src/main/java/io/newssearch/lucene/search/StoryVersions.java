package io.newssearch.lucene.search;

import io.newssearch.lucene.ArticleDocuments;
import io.newssearch.search.StoryResult;
import io.newssearch.lucene.IndexView;
import io.newssearch.lucene.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSelector;

/** Reads one story's versions by its keyword field, oldest first (undated last, then by id). */
final class StoryVersions {

  private static final Set<String> FIELDS = Set.of(Schema.ID, Schema.TITLE, Schema.SOURCE_KEYWORD, Schema.URL,
      Schema.PUBLISHED, Schema.LANGUAGE);

  private StoryVersions() {}

  static Optional<StoryResult> read(IndexView view, String story) throws IOException {
    SortField oldest = new SortField(Schema.PUBLISHED, SortField.Type.LONG, false);
    oldest.setMissingValue(Long.MAX_VALUE); // undated last
    Sort sort = new Sort(oldest, KeywordField.newSortField(Schema.ID, false, SortedSetSelector.Type.MIN));
    ScoreDoc[] docs = view.searcher().search(KeywordField.newExactQuery(Schema.STORY, story), StoryResult.MAX_VERSIONS, sort).scoreDocs;
    if (docs.length == 0) {
      return Optional.empty();
    }
    StoredFields stored = view.searcher().storedFields();
    List<StoryResult.Version> versions = new ArrayList<>(docs.length);
    for (ScoreDoc sd : docs) {
      Document d = stored.document(sd.doc, FIELDS);
        versions.add(new StoryResult.Version(d.get(Schema.ID), d.get(Schema.TITLE), d.get(Schema.SOURCE_KEYWORD),
          d.get(Schema.URL), ArticleDocuments.published(d),
          d.get(Schema.LANGUAGE)));
    }
    return Optional.of(new StoryResult(story, versions.size(), versions));
  }
}

package io.newssearch.lucene.search;

import io.newssearch.lucene.ArticleDocuments;
import io.newssearch.lucene.Schema;
import io.newssearch.search.SearchResult.Hit;
import io.newssearch.search.SearchResult.SourceVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;

/** The other versions of each collapsed hit's story, oldest first: who had the story first. */
final class StorySources {

  private static final Set<String> FIELDS = Set.of(Schema.ID, Schema.SOURCE_KEYWORD, Schema.URL, Schema.PUBLISHED);

  private StorySources() {}

  static List<Hit> attach(IndexSearcher searcher, List<Hit> hits, List<List<StoryCollapse.Version>> others)
      throws IOException {
    StoredFields stored = searcher.storedFields();
    List<Hit> out = new ArrayList<>(hits.size());
    for (int i = 0; i < hits.size(); i++) {
      List<StoryCollapse.Version> versions = new ArrayList<>(others.get(i));
      // Oldest first; undated versions last (their published is Long.MIN_VALUE).
      versions.sort(Comparator.comparing((StoryCollapse.Version v) -> v.published() == Long.MIN_VALUE)
          .thenComparingLong(StoryCollapse.Version::published).thenComparing(StoryCollapse.Version::id));
      List<SourceVersion> listed = new ArrayList<>();
      for (StoryCollapse.Version v : versions.subList(0, Math.min(Hit.MAX_LISTED_SOURCES, versions.size()))) {
        listed.add(version(stored.document(v.doc(), FIELDS)));
      }
      out.add(hits.get(i).withSources(listed, versions.size()));
    }
    return out;
  }

  static SourceVersion version(Document d) {
    return new SourceVersion(d.get(Schema.ID), d.get(Schema.SOURCE_KEYWORD), d.get(Schema.URL),
        ArticleDocuments.published(d));
  }
}

package io.newssearch.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.entities.Entities;
import io.newssearch.index.IndexedArticle;
import io.newssearch.index.Origin;
import io.newssearch.lucene.ArticleDocuments;
import io.newssearch.lucene.IndexHandle;
import io.newssearch.lucene.IndexLayout;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SearchResult.Hit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In an index of several languages a query is searched once per analysis; a hit's snippets mark
 * the words of its own language's analysis, the part that matched it, and not what another
 * language's analysis of the query happens to find in its text.
 */
class SnippetLanguageTest {

  @Test
  void a_hit_marks_the_words_of_its_own_analysis(@TempDir Path dir) throws Exception {
    IndexLayout layout = new IndexLayout(dir);
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers()) {
      ArticleDocuments documents = new ArticleDocuments(analyzers);
      try (FSDirectory d = FSDirectory.open(layout.ensureCurrent());
          IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
        // English stems "running" to "run"; Somali has no stemmer and keeps both words as written.
        w.addDocument(documents.toDocument(article("en-1", "en", "Marathon running in the city"), "s1"));
        w.addDocument(documents.toDocument(article("so-1", "so", "Orod run iyo running magaalada"), "s2"));
        w.commit();
      }
      try (LuceneSearchService search = new LuceneSearchService(new IndexHandle(layout, Duration.ofHours(1)), analyzers)) {
        SearchResult r = search.search(SearchRequest.builder().query("running").build());
        Hit somali = r.hits().stream().filter(h -> h.id().equals("so-1")).findFirst().orElseThrow();
        String body = somali.highlight().body();
        assertTrue(body.contains("<mark>running</mark>"), body);
        assertEquals(-1, body.indexOf("<mark>run</mark>"), "the English analysis's \"run\" did not match it: " + body);
        Hit english = r.hits().stream().filter(h -> h.id().equals("en-1")).findFirst().orElseThrow();
        assertTrue(english.highlight().body().contains("<mark>running</mark>"), english.highlight().body());
      }
    }
  }

  private static IndexedArticle article(String id, String lang, String body) {
    return new IndexedArticle(new Article(id, null, "Title " + id, body, null, lang, List.of(), "source", null),
        Origin.CORPUS, null, Entities.NONE);
  }
}

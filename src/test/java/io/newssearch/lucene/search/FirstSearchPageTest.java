package io.newssearch.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.entities.Entities;
import io.newssearch.index.IndexedArticle;
import io.newssearch.index.Origin;
import io.newssearch.lucene.ArticleDocuments;
import io.newssearch.lucene.Schema;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SortOrder;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page of stories found among the first search's articles ({@link PageOfHits#amongFirst}) is the
 * page the whole match set gives, and is refused when it cannot be told apart from what lies
 * below the first search's line.
 */
class FirstSearchPageTest {

  @TempDir Path dir;

  /**
   * 120 articles, "storm" written i % 12 + 1 times in the i-th (so scores fall in steps of ten
   * articles), in 60 stories of two versions each; or, when {@code flat}, every article alike.
   */
  private DirectoryReader index(boolean flat) throws Exception {
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        FSDirectory d = FSDirectory.open(dir.resolve(flat ? "flat" : "steps"));
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      ArticleDocuments documents = new ArticleDocuments(analyzers);
      for (int i = 0; i < 120; i++) {
        String body = ("storm ".repeat(flat ? 1 : i % 12 + 1) + "over the coast tonight").trim();
        Article a = new Article(String.format("a%03d", i), null, "News " + i, body, null, "en", List.of(),
            "source", null);
        w.addDocument(documents.toDocument(new IndexedArticle(a, Origin.CORPUS, null, Entities.NONE), "story-" + i / 2));
        if (i % 40 == 39) {
          w.commit(); // several segments
        }
      }
    }
    return DirectoryReader.open(FSDirectory.open(dir.resolve(flat ? "flat" : "steps")));
  }

  private static final Query STORM = new TermQuery(new Term(Schema.BODY, "storm"));

  private static List<String> ids(TopStories.Result r) {
    return r.heads().stream().map(h -> h.storyValue().utf8ToString() + "@" + h.doc()).toList();
  }

  @Test
  void a_page_above_the_line_is_the_page_of_every_match() throws Exception {
    try (DirectoryReader reader = index(false)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      ScoreDoc[] top = searcher.search(STORM, 30).scoreDocs;
      FirstSearch first = new FirstSearch(top, 30);
      SearchRequest r = SearchRequest.builder().query("storm").sort(SortOrder.RELEVANCE).size(5).build();
      int n = 6;
      TopStories.Result found = PageOfHits.amongFirst(searcher, STORM, r, n, first);
      assertNotNull(found, "the 6 best stories score above the 30th article");
      TopStories.Result everyMatch = searcher.search(STORM, TopStories.manager(SortOrder.RELEVANCE, n, false, null));
      assertEquals(ids(everyMatch), ids(found));
    }
  }

  @Test
  void a_page_reaching_the_line_is_refused() throws Exception {
    try (DirectoryReader reader = index(false)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      // The 10 best articles share one score: the line is that score, so a page of it may have
      // equals below the line that rank before it on their ids.
      ScoreDoc[] top = searcher.search(STORM, 10).scoreDocs;
      SearchRequest r = SearchRequest.builder().query("storm").size(3).build();
      assertNull(PageOfHits.amongFirst(searcher, STORM, r, 4, new FirstSearch(top, 10)));
      // Fewer stories among them than the page needs: refused too.
      ScoreDoc[] twenty = searcher.search(STORM, 20).scoreDocs;
      SearchRequest large = SearchRequest.builder().query("storm").size(20).build();
      assertNull(PageOfHits.amongFirst(searcher, STORM, large, 21, new FirstSearch(twenty, 20)));
    }
  }

  @Test
  void every_match_among_them_gives_the_page_whatever_the_scores() throws Exception {
    try (DirectoryReader reader = index(true)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      ScoreDoc[] all = searcher.search(STORM, 500).scoreDocs;
      assertEquals(120, all.length);
      FirstSearch first = new FirstSearch(all, 500); // complete: fewer than asked for
      SearchRequest r = SearchRequest.builder().query("storm").size(10).build();
      TopStories.Result found = PageOfHits.amongFirst(searcher, STORM, r, 11, first);
      assertNotNull(found);
      TopStories.Result everyMatch = searcher.search(STORM, TopStories.manager(SortOrder.RELEVANCE, 11, false, null));
      assertEquals(ids(everyMatch), ids(found)); // equal scores: decided on the ids, as over every match
    }
  }
}

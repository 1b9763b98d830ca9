package io.newssearch.lucene.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.TestIndexes;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.lucene.IndexHandle;
import io.newssearch.lucene.IndexLayout;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query within the typed limits is searched however many languages the index holds: each
 * language's analyzer gets its own copy of the query (two fields per word, a phrase per pair, the
 * feedback words, the sub-word pieces), and over twenty languages a 30-word query used to pass
 * Lucene's default of 1,024 clauses and be refused as "too complex".
 */
class ManyLanguagesLongQueryTest {

  private static final List<String> LANGUAGES = List.of("en", "ru", "fa", "ar", "de", "fr", "es", "it", "pt", "ca",
      "gl", "ro", "nl", "sv", "da", "nb", "fi", "tr", "hu", "cs", "sw", "sn");

  @Test
  void a_thirty_word_query_over_twenty_two_languages_is_answered(@TempDir Path dir) throws Exception {
    List<Article> articles = new ArrayList<>();
    for (String lang : LANGUAGES) {
      articles.add(TestIndexes.article("a-" + lang, lang, "2024-05-01", "Parliament election " + lang,
          "The parliament election results and the minister of finance spoke about inflation.", "Wire"));
    }
    TestIndexes.write(dir, articles);
    String query = "parliament election results minister finance inflation currency exchange agriculture drought "
        + "harvest football championship tournament hospital vaccination education university students protest "
        + "demonstration security military soldiers refugees humanitarian ceasefire negotiations diplomats summit";
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService service = new LuceneSearchService(new IndexHandle(new IndexLayout(dir), Duration.ofHours(1)),
            analyzers)) {
      SearchResult r = service.search(SearchRequest.builder().query(query).build());
      assertTrue(r.total() >= LANGUAGES.size(), "every article matches some of the words: " + r.total());
    }
  }
}

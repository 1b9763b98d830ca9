package io.newssearch.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.TestIndexes;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.index.IndexedArticle;
import io.newssearch.index.Origin;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.search.QueryChecker;
import io.newssearch.search.SearchLimits;
import io.newssearch.search.SearchParameters;
import io.newssearch.search.SearchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alert selects a new article exactly when a search with the same parameters finds it: every
 * alert below is run through the presearcher and the in-memory index on each article of the
 * newsroom set, and compared with the search's hits over the index holding them.
 */
class AlertMatcherTest {

  @TempDir static Path dir;
  static LuceneEngine engine;
  static List<IndexedArticle> articles = new ArrayList<>();
  static LanguageAnalyzers analyzers = new LanguageAnalyzers();

  @BeforeAll
  static void index() throws Exception {
    engine = new LuceneEngine(dir);
    TestIndexes.index(engine, TestIndexes.newsroom());
    for (Article a : TestIndexes.newsroom()) {
      // As indexed: language, tags and entities as the pipeline prepared them.
      articles.add(IndexedArticle.of(engine.search().article(a.id()).orElseThrow(), Origin.CORPUS));
    }
  }

  @AfterAll
  static void close() throws Exception {
    engine.close();
    analyzers.close();
  }

  static final List<Map<String, List<String>>> SEARCHES = List.of(
      p("q", "drill"), p("q", "naval drill", "op", "and"), p("q", "\"joint naval drill\""), p("q", "учения"),
      p("q", "inflation -energy"), p("q", "river AND flood"), p("q", "regat*"), p("q", "tags:caspian"),
      p("lang", "ru"), p("q", "exercise", "source", "Coastal Courier"), p("q", "bank", "tag", "Economy"),
      p("q", "caspian", "lang", "en,ru"), p("q", "Bürgermeister"), p("q", "title:flood"), p("q", "harbour OR regatta"),
      p("q", "drils~1"), p("q", "naval drill", "lang", "de"), p("q", "the"), p("q", "-regatta"),
      p("q", "Iran (navy OR naval) NOT observers", "strict", "true"), p("q", "élection"), p("q", "prices fall?"),
      p("q", "source:ledger"), p("q", "\"central bank\" rates"), p("q", "* -regatta"), p("q", "NOT drill", "lang", "en"),
      p("q", "title:flood -body:river", "strict", "true"),
      // The presearcher's word-by-word sets and the queries rewritten ahead, with term-set filters spelled out.
      p("q", "naval drill", "op", "and", "lang", "en"), p("q", "\"central bank\" OR \"naval drill\""),
      p("q", "+naval +(drill OR exercise) -observers", "strict", "true"), p("q", "\"joint naval drill\"~3", "lang", "en,ru"),
      p("q", "bank rates inflation", "op", "and", "source", "Coastal Courier"));

  static Map<String, List<String>> p(String... kv) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], List.of(kv[i + 1]));
    }
    return m;
  }

  @Test
  void an_alert_matches_the_new_articles_a_search_with_its_parameters_finds() throws Exception {
    List<Map<String, List<String>>> searches = new ArrayList<>(SEARCHES);
    // Entity filters, with values the extractor found in this set.
    SearchResult all = engine.search().search(SearchParameters.parse(Map.of("size", List.of("100"))));
    var facets = all.facets();
    var named = Map.of("person", facets.person(), "org", facets.org(), "place", facets.place());
    int entityFilters = 0;
    for (var e : named.entrySet()) {
      if (!e.getValue().isEmpty()) {
        searches.add(p(e.getKey(), e.getValue().get(0).value()));
        searches.add(p("q", "drill OR bank", e.getKey(), e.getValue().get(0).value()));
        entityFilters++;
      }
    }
    assertTrue(entityFilters > 0, "the fixture names people, organisations or places: " + named);

    AlertDefinitions definitions = new AlertDefinitions(new QueryChecker(SearchLimits.DEFAULTS), WebhookPolicy.NONE);
    List<Alert> alerts = new ArrayList<>();
    Map<String, Map<String, List<String>>> byId = new HashMap<>();
    for (Map<String, List<String>> s : searches) {
      Map<String, List<String>> given = new LinkedHashMap<>(s);
      given.put("name", List.of("alert " + alerts.size()));
      Alert a = definitions.create(given);
      alerts.add(a);
      byId.put(a.id(), s);
    }
    AlertMatcher matcher = new AlertMatcher(analyzers);
    matcher.load(alerts);
    Map<String, Set<String>> matched = new HashMap<>();
    for (IndexedArticle article : articles) {
      for (Alert a : matcher.match(article)) {
        matched.computeIfAbsent(a.id(), k -> new TreeSet<>()).add(article.id());
      }
    }
    int nonEmpty = 0;
    for (Alert a : alerts) {
      // Alone, an alert's article is analysed only in the fields it reads (a source filter: none
      // of the text); it must match the same articles.
      AlertMatcher alone = new AlertMatcher(analyzers);
      alone.load(List.of(a));
      Set<String> matchedAlone = new TreeSet<>();
      for (IndexedArticle article : articles) {
        if (!alone.match(article).isEmpty()) {
          matchedAlone.add(article.id());
        }
      }
      assertEquals(matched.getOrDefault(a.id(), Set.of()), matchedAlone, "alone: alert " + byId.get(a.id()));
      Map<String, List<String>> params = new HashMap<>(byId.get(a.id()));
      params.put("collapse", List.of("none"));
      params.put("size", List.of("100"));
      params.put("dates", List.of("off"));
      Set<String> found = new TreeSet<>();
      engine.search().search(SearchParameters.parse(params)).hits().forEach(h -> found.add(h.id()));
      assertEquals(found, matched.getOrDefault(a.id(), Set.of()), "alert " + byId.get(a.id()));
      nonEmpty += found.isEmpty() ? 0 : 1;
    }
    assertTrue(nonEmpty >= searches.size() - 4, "most searches find something, so the comparison means something: "
        + nonEmpty + " of " + searches.size());
  }

  @Test
  void the_presearcher_skips_alerts_whose_terms_the_article_lacks() throws Exception {
    AlertDefinitions definitions = new AlertDefinitions(new QueryChecker(SearchLimits.DEFAULTS), WebhookPolicy.NONE);
    Alert naval = definitions.create(Map.of("name", List.of("n"), "q", List.of("naval drill"), "op", List.of("and")));
    Alert wildcard = definitions.create(Map.of("name", List.of("w"), "q", List.of("regat*")));
    Alert russian = definitions.create(Map.of("name", List.of("r"), "q", List.of("drill"), "lang", List.of("ru")));
    LanguageAlerts english = new LanguageAlerts();
    AlertMatcher matcher = new AlertMatcher(analyzers);
    matcher.load(List.of(naval, wildcard, russian));
    IndexedArticle sport = articles.stream().filter(a -> a.id().equals("sport-1")).findFirst().orElseThrow();
    assertEquals(List.of(wildcard), matcher.match(sport));
    assertEquals(0, english.size());
    assertTrue(QueryTerms.anyOf(new org.apache.lucene.search.MatchAllDocsQuery()) == null, "no terms known: tried on every article");
  }

  @Test
  void a_conjunction_is_tried_only_on_articles_holding_a_word_of_each_part() throws Exception {
    Alert alert = new AlertDefinitions(new QueryChecker(SearchLimits.DEFAULTS), WebhookPolicy.NONE)
        .create(Map.of("name", List.of("both"), "q", List.of("naval drill")));
    org.apache.lucene.search.Query either = new org.apache.lucene.search.BooleanQuery.Builder()
        .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("body", "naval")),
            org.apache.lucene.search.BooleanClause.Occur.SHOULD)
        .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("title", "naval")),
            org.apache.lucene.search.BooleanClause.Occur.SHOULD).build();
    org.apache.lucene.search.Query both = new org.apache.lucene.search.BooleanQuery.Builder()
        .add(either, org.apache.lucene.search.BooleanClause.Occur.MUST)
        .add(new org.apache.lucene.search.PhraseQuery("body", "drill", "exercise"), org.apache.lucene.search.BooleanClause.Occur.MUST)
        .add(new org.apache.lucene.search.TermInSetQuery("language", List.of(new org.apache.lucene.util.BytesRef("en"))),
            org.apache.lucene.search.BooleanClause.Occur.FILTER).build();
    LanguageAlerts english = new LanguageAlerts();
    english.add(new LanguageAlerts.Compiled(alert, both));
    assertEquals(1, english.rewrittenAhead(), "the language filter is spelled out, so nothing waits for the article");
    String[][] cases = {{"naval drill", "0"}, {"naval exercise", "0"}, {"drill exercise", "0"}, {"naval drill exercise", "1"}};
    for (String[] c : cases) {
      org.apache.lucene.index.memory.MemoryIndex article = new org.apache.lucene.index.memory.MemoryIndex();
      article.addField("body", c[0], new org.apache.lucene.analysis.standard.StandardAnalyzer());
      article.addField("language", "en", new org.apache.lucene.analysis.core.KeywordAnalyzer());
      article.freeze();
      var searcher = article.createSearcher();
      var leaf = searcher.getIndexReader().leaves().get(0);
      assertEquals(Integer.parseInt(c[1]), english.candidates(leaf.reader()).cardinality(), c[0]);
      assertEquals(c[1].equals("1"), english.matches(0, searcher, leaf), c[0]);
    }
  }
}

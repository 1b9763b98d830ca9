package io.newssearch.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.TestIndexes;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.lucene.ArticleDocuments;
import io.newssearch.lucene.IndexLayout;
import io.newssearch.lucene.Schema;
import io.newssearch.search.Ranking;
import io.newssearch.search.ScoreBreakdown;
import io.newssearch.search.SearchResult.ScorePart;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ranking's parts over a real index: BM25F, derived titles, word weighting, language fit and
 * feedback each doing what {@link Ranking} says, and explanations that add up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankingFeaturesTest {

  @TempDir static Path dir;
  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private DirectoryReader reader;
  private IndexSearcher searcher;

  private static Article derived(String id, String body) {
    String first = body.substring(0, body.indexOf('.') + 1);
    return Article.builder().id(id).title(first).titleDerived(true).body(body).language("en").build();
  }

  @BeforeAll
  void index() throws Exception {
    List<Article> articles = new ArrayList<>(List.of(
        TestIndexes.article("headline", "en", null, "Harbour strike ends",
            "Dock workers went back to work on Monday after talks with the port authority.", "Port News"),
        TestIndexes.article("body-twice", "en", null, "Port talks resume",
            "The harbour strike went on. Unions said the harbour strike would last a week.", "Port News"),
        derived("derived", "The harbour strike ended today. Ships were unloaded again and trade resumed."),
        TestIndexes.article("fr-1", "fr", null, "La grève des enseignants continue",
            "La grève des enseignants continue dans les écoles de la capitale, selon les syndicats.", "Le Journal"),
        TestIndexes.article("sw-1", "sw", null, "Mgomo wa walimu",
            "Walimu wa shule la msingi wamegoma leo, la muhimu ni mishahara. Serikali la mkoa imesema.", "Habari"),
        TestIndexes.article("sw-2", "sw", null, "Mvua kubwa",
            "Mvua kubwa ilinyesha la usiku mzima na kuharibu nyumba za watu wengi la mjini.", "Habari"),
        // The same words in another order: only proximity can tell them apart.
        TestIndexes.article("near", "en", null, "Navy", "Naval drill officers coast gunnery practice weekly.", "Navy News"),
        TestIndexes.article("apart", "en", null, "Navy", "Naval officers coast gunnery practice weekly drill.", "Navy News"),
        // The query's word once each, in texts as long: only feedback can tell them apart, by the
        // words the best articles share.
        TestIndexes.article("eruption-1", "en", null, "Iceland", "Volcano eruption lava ash villages evacuated.", "Geo"),
        TestIndexes.article("eruption-2", "en", null, "Italy", "Volcano eruption lava ash flights cancelled.", "Geo"),
        TestIndexes.article("museum", "en", null, "Museum", "Volcano museum tickets family weekend prices.", "Geo"),
        // A name every language writes alike, and a noun behind a Shona prefix.
        TestIndexes.article("sn-1", "sn", null, "Nhabvu", "Torres ari kuenda kuJapan kunotamba nhabvu.", "Kwayedza"),
        TestIndexes.article("ha-1", "ha", null, "Kwallo", "Torres zai tafi Japan domin buga kwallo.", "BBC Hausa")));
    for (int i = 0; i < 20; i++) {
      articles.add(TestIndexes.article("filler-" + i, "en", null, "Weather report " + i,
          "Rain and wind are expected in the region on day " + i + ", with a strike of lightning possible.", "Met"));
    }
    TestIndexes.write(dir, articles);
    reader = DirectoryReader.open(FSDirectory.open(new IndexLayout(dir).current().orElseThrow()));
    searcher = new IndexSearcher(reader);
  }

  @AfterAll
  void close() throws Exception {
    if (reader != null) {
      reader.close();
    }
    analyzers.close();
  }

  private List<String> ids(Query q) throws Exception {
    List<String> out = new ArrayList<>();
    for (ScoreDoc sd : searcher.search(q, 10).scoreDocs) {
      out.add(searcher.storedFields().document(sd.doc).get(Schema.ID));
    }
    return out;
  }

  private Query query(Ranking ranking, String text, Set<String> languages) {
    return new QueryFactory(analyzers, ranking).textQuery(text, false, false, languages, searcher);
  }

  @Test
  void a_derived_title_is_shown_but_not_searched_as_a_headline() throws Exception {
    Query titleOnly = new QueryFactory(analyzers).textQuery("title:today", false, false, Set.of("en"), searcher);
    assertEquals(List.of(), ids(titleOnly));
    Article stored = ArticleDocuments.fromStored(searcher.storedFields(),
        searcher.search(query(Ranking.DEFAULT, "unloaded", Set.of("en")), 1).scoreDocs[0].doc);
    assertEquals("derived", stored.id());
    assertEquals("The harbour strike ended today.", stored.title());
    assertTrue(stored.titleDerived());
  }

  @Test
  void bm25f_explanation_splits_a_word_by_field_and_adds_up_to_the_score() throws Exception {
    Query q = query(Ranking.DEFAULT.withFields(Ranking.Fields.BM25F), "harbour strike", Set.of("en"));
    for (ScoreDoc sd : searcher.search(q, 5).scoreDocs) {
      var e = ScoreBreakdown.summarise(searcher.explain(q, sd.doc), sd.score);
      double sum = e.parts().stream().mapToDouble(ScorePart::value).sum();
      assertEquals(sd.score, sum, 0.01, e.summary());
    }
    Map<String, Double> headline = parts(q, "headline");
    assertTrue(headline.get("title") > 0 && !headline.containsKey("body"), headline.toString());
    Map<String, Double> inBody = parts(q, "body-twice");
    assertTrue(inBody.get("body") > 0 && !inBody.containsKey("title"), inBody.toString());
  }

  private Map<String, Double> parts(Query q, String id) throws Exception {
    return ScoreBreakdown.summarise(searcher.explain(q, docOf(id)), (float) score(q, id)).parts().stream()
        .collect(Collectors.toMap(ScorePart::name, ScorePart::value));
  }

  @Test
  void rarer_words_weigh_more_with_an_idf_exponent_above_one() throws Exception {
    // "strike" is in every filler article, "harbour" in three: weighting by rarity favours harbour.
    Ranking plain = Ranking.DEFAULT.withFields(Ranking.Fields.BM25F).withProximity(Ranking.Proximity.OFF, 0, 0)
        .withFeedback(Ranking.Feedback.OFF);
    String s = query(plain.withIdfExponent(3f), "strike harbour", Set.of("en")).toString();
    assertTrue(boostOf(s, "strike") < 1 && boostOf(s, "harbour") > 1, s);
  }

  /** The boost of the one word's BM25F clause in a query's text form. */
  private static float boostOf(String query, String word) {
    var m = java.util.regex.Pattern.compile("\\(" + word + "\\)\\)\\)\\^([0-9.E-]+)").matcher(query);
    assertTrue(m.find(), query);
    return Float.parseFloat(m.group(1));
  }

  @Test
  void language_fit_weighs_down_languages_that_only_share_a_few_tokens_of_the_query() throws Exception {
    Set<String> all = Set.of("en", "fr", "sw");
    Query q = query(Ranking.DEFAULT.withLanguageFit(2f), "la grève des enseignants", all);
    assertEquals("fr-1", ids(q).get(0));
    // Without it, Swahili articles full of "la" (rare in the index as a whole) come close or first.
    Map<String, Float> weights = LanguageFit.weights(Map.of(
        new QueryFactory(analyzers).textQuery("la grève des enseignants", false, false, Set.of("fr")), Set.of("fr"),
        new QueryFactory(analyzers).textQuery("la grève des enseignants", false, false, Set.of("sw")), Set.of("sw")),
        searcher, 2f);
    assertEquals(1f, weights.get("fr"));
    assertTrue(weights.get("sw") < 0.5f, weights.toString());
    var e = ScoreBreakdown.summarise(searcher.explain(q, docOf("sw-1")), (float) score(q, "sw-1"));
    assertTrue(e.parts().stream().anyMatch(p -> p.name().equals("language") && p.value() < 0), e.summary());
  }

  /** The word as written (kujapan), not the noun found in it (japan), tells the language. */
  @Test
  void a_prefixed_word_counts_in_the_language_fit_as_written() throws Exception {
    Map<String, Float> weights = LanguageFit.weights(Map.of(
        new QueryFactory(analyzers).textQuery("Torres kuJapan", false, false, Set.of("sn", "ha")), Set.of("sn", "ha")),
        searcher, 2f);
    assertEquals(1f, weights.get("sn"), weights.toString());
    assertTrue(weights.get("ha") < 0.5f, weights.toString());
  }

  @Test
  void a_query_every_language_has_changes_no_weight() throws Exception {
    Map<String, Float> weights = LanguageFit.weights(Map.of(
        new QueryFactory(analyzers).textQuery("habari", false, false, Set.of("sw")), Set.of("sw")), searcher, 2f);
    assertEquals(Map.of(), weights);
  }

  @Test
  void feedback_adds_words_of_the_top_articles() throws Exception {
    Query q = query(Ranking.DEFAULT.withFeedback(new Ranking.Feedback(2, 5, 0.5f)), "dock workers", Set.of("en"));
    String words = q.toString().substring(q.toString().indexOf("feedback("));
    assertTrue(words.contains("body:author)^"), q.toString());
    assertEquals("headline", ids(q).get(0));
  }

  @Test
  void neighbouring_query_words_that_stand_together_rank_first() throws Exception {
    Ranking noProximity = Ranking.DEFAULT.withProximity(Ranking.Proximity.OFF, 0, 0);
    Query without = query(noProximity, "naval drill", Set.of("en"));
    assertEquals(score(without, "near"), score(without, "apart"), 1e-5, "the same words, as often, as long");
    Query q = query(Ranking.DEFAULT, "naval drill", Set.of("en"));
    assertEquals("near", ids(q).get(0));
    assertTrue(score(q, "near") > score(q, "apart"), q.toString());
    Map<String, Double> near = parts(q, "near");
    assertTrue(near.get("proximity") > 0, near.toString());
    assertTrue(!parts(q, "apart").containsKey("proximity"), "the words stand 6 apart, past the slop");
  }

  @Test
  void feedback_ranks_the_articles_like_the_query_s_best_ones_above_the_odd_one_out() throws Exception {
    Query without = query(Ranking.DEFAULT.withFeedback(Ranking.Feedback.OFF), "volcano", Set.of("en"));
    assertEquals(score(without, "museum"), score(without, "eruption-1"), 1e-5, "one word each, as often, as long");
    Query q = query(Ranking.DEFAULT.withFeedback(Ranking.FEEDBACK), "volcano", Set.of("en"));
    List<String> ranked = ids(q);
    assertEquals(Set.of("eruption-1", "eruption-2"), Set.copyOf(ranked.subList(0, 2)), ranked.toString());
    assertEquals("museum", ranked.get(2));
    assertEquals(3, searcher.count(q), "feedback reorders what the query matches, it adds no match");
    var e = ScoreBreakdown.summarise(searcher.explain(q, docOf("eruption-1")), (float) score(q, "eruption-1"));
    double sum = e.parts().stream().mapToDouble(ScorePart::value).sum();
    assertEquals(score(q, "eruption-1"), sum, 0.01, e.summary());
    ScorePart feedback = e.parts().stream().filter(p -> p.name().equals("feedback")).findFirst().orElseThrow();
    assertTrue(feedback.value() > 0 && feedback.detail().contains("lava"), e.summary() + " " + feedback);
  }

  private int docOf(String id) throws Exception {
    ScoreDoc[] d = searcher.search(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(Schema.ID, id)), 1).scoreDocs;
    assertNotNull(d[0]);
    return d[0].doc;
  }

  private double score(Query q, String id) throws Exception {
    return searcher.explain(q, docOf(id)).getValue().doubleValue();
  }
}

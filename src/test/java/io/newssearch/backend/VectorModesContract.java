package io.newssearch.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.Engine;
import io.newssearch.TestIndexes;
import io.newssearch.article.Article;
import io.newssearch.search.InvalidRequestException;
import io.newssearch.search.SearchMode;
import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SearchResult.FacetValue;
import io.newssearch.search.SearchResult.Hit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The search modes on an engine built with vectors, the same on both engines: the paraphrase
 * collection of {@code src/test/resources/semantic/} (queries sharing no content word with their
 * article), a few articles with sources and dates, and a French one (no vector: the model serves
 * English only), embedded by the real model. On SolrCloud the vectors are a {@code DenseVectorField}
 * searched by {@code {!knn}} and hybrid is fused on our side; on the embedded index, Lucene's kNN.
 */
abstract class VectorModesContract extends FixtureContract {

  @Override
  boolean vectors() {
    return true;
  }

  @Override
  List<Article> fixture() throws Exception {
    return TestIndexes.paraphrases();
  }

  private SearchResult run(SearchRequest.Builder b) throws Exception {
    return search.search(b.build());
  }

  private static SearchRequest.Builder q(String query) {
    return SearchRequest.builder().query(query);
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  @Test
  void hybrid_is_the_default_and_finds_the_paraphrased_article_lexical_search_cannot() throws Exception {
    int top3 = 0;
    Map<String, String> queries = TestIndexes.paraphraseQueries();
    for (var e : queries.entrySet()) {
      List<String> lexical = ids(run(q(e.getKey()).mode(SearchMode.LEXICAL).size(100)));
      assertFalse(lexical.contains(e.getValue()), e.getKey() + " → lexical " + lexical);
      SearchResult hybrid = run(q(e.getKey()));
      assertEquals("hybrid", hybrid.mode(), "the default where the index has vectors");
      List<String> fused = ids(hybrid);
      assertTrue(fused.subList(0, Math.min(5, fused.size())).contains(e.getValue()), e.getKey() + " → hybrid " + fused);
      top3 += fused.subList(0, Math.min(3, fused.size())).contains(e.getValue()) ? 1 : 0;
    }
    assertTrue(top3 >= 14, "targets in the hybrid top 3: " + top3 + " of " + queries.size());
  }

  @Test
  void semantic_ranks_by_meaning_and_keeps_the_filters_inside_the_knn_search() throws Exception {
    SearchResult all = run(q("car makers cut jobs").mode(SearchMode.SEMANTIC).collapse(false));
    assertEquals("semantic", all.mode());
    assertTrue(ids(all).subList(0, 3).containsAll(List.of("sem-01", "motor-1")), ids(all).toString());
    assertTrue(ids(all).contains("motor-2"), ids(all).toString());
    assertFalse(ids(all).contains("fr-1"), "French articles get no vector: the model serves English only");
    float previous = Float.MAX_VALUE;
    for (Hit h : all.hits()) {
      assertTrue(h.score() <= previous && h.score() > 0 && h.score() <= 1, "similarities, best first: " + all.hits());
      previous = h.score();
    }

    SearchResult filtered = run(q("car makers cut jobs").mode(SearchMode.SEMANTIC).collapse(false)
        .sources(List.of("Motor Weekly")));
    assertEquals(Set.of("motor-1", "motor-2"), Set.copyOf(ids(filtered)), "only the source asked for");
    assertEquals(2, filtered.total());
    assertEquals(2, filtered.facets().source().stream().filter(FacetValue::selected).findFirst().orElseThrow().count());

    SearchResult dated = run(q("car makers cut jobs").mode(SearchMode.SEMANTIC).collapse(false)
        .from(java.time.Instant.parse("2025-03-02T00:00:00Z")));
    assertEquals(List.of("motor-2"), ids(dated));
    assertEquals(0, run(q("car makers cut jobs").mode(SearchMode.SEMANTIC).languages(List.of("fr"))).total());
  }

  /**
   * More articles than the kNN takes (100), on every shard (260 over Solr's 2): the only article of
   * a source, far in meaning from the query, ranks below the 100 nearest, so filtering the 100
   * nearest afterwards would find nothing. Filtering inside the kNN search (Solr: the {@code fq} as
   * pre-filter of {@code {!knn}}) finds it, also when recency nests the kNN query in a boost.
   */
  @Test
  void the_filter_is_applied_inside_the_knn_search_not_after_it() throws Exception {
    List<Article> many = new ArrayList<>();
    String[] topics = {"factory job cuts", "car plant layoffs", "automaker shedding workers", "vehicle output slump"};
    for (int i = 0; i < 260; i++) {
      many.add(TestIndexes.article("near-" + i, "en", null, "Report " + i + " on " + topics[i % topics.length],
          "Story number " + i + " about " + topics[i % topics.length] + " in region " + (i % 7) + ".", "Wire"));
    }
    many.add(TestIndexes.article("far-1", "en", null, "Recipe for lemon cake", "Whisk eggs and sugar, fold in flour "
        + "and lemon zest, and bake for forty minutes.", "Kitchen Notes"));
    try (Engine other = backend().open(true)) {
      other.store().upsert(many);
      SearchResult unfiltered = other.search().search(q("car makers cut jobs").mode(SearchMode.SEMANTIC)
          .collapse(false).size(100).build());
      assertEquals(100, unfiltered.total(), "the 100 nearest");
      assertFalse(ids(unfiltered).contains("far-1"), "not among the 100 nearest");
      SearchResult filtered = other.search().search(q("car makers cut jobs").mode(SearchMode.SEMANTIC)
          .sources(List.of("Kitchen Notes")).build());
      assertEquals(List.of("far-1"), ids(filtered));
      SearchResult recent = other.search().search(q("car makers cut jobs").mode(SearchMode.SEMANTIC)
          .sources(List.of("Kitchen Notes")).sort(io.newssearch.search.SortOrder.RECENCY).build());
      assertEquals(List.of("far-1"), ids(recent), "the same with the score boosted by recency");
      SearchResult fused = other.search().search(q("car makers cut jobs").mode(SearchMode.HYBRID)
          .sources(List.of("Kitchen Notes")).build());
      assertEquals(List.of("far-1"), ids(fused), "hybrid's kNN side is filtered inside too");
    }
  }

  /** The nearest k of the whole collection, whatever the shards: the total is k, and the size is a page. */
  @Test
  void semantic_matches_exactly_the_nearest_and_pages_agree() throws Exception {
    SearchResult first = run(q("storm damage on the coast").mode(SearchMode.SEMANTIC).collapse(false).size(5));
    SearchResult second = run(q("storm damage on the coast").mode(SearchMode.SEMANTIC).collapse(false).size(5).page(2));
    SearchResult whole = run(q("storm damage on the coast").mode(SearchMode.SEMANTIC).collapse(false).size(10));
    long embedded = run(q("").languages(List.of("en")).collapse(false)).total();
    assertEquals(embedded, whole.total(), "every English article is among the 100 nearest, no more");
    List<String> both = new ArrayList<>(ids(first));
    both.addAll(ids(second));
    assertEquals(ids(whole), both);
  }

  @Test
  void hybrid_counts_and_facets_the_lexical_matches_plus_the_knn_hits() throws Exception {
    SearchResult lexical = run(q("staff").mode(SearchMode.LEXICAL).collapse(false).size(100));
    SearchResult semantic = run(q("staff").mode(SearchMode.SEMANTIC).collapse(false).size(100));
    SearchResult hybrid = run(q("staff").mode(SearchMode.HYBRID).collapse(false).size(100));
    Set<String> union = new HashSet<>(ids(lexical));
    union.addAll(ids(semantic));
    assertEquals(union, new HashSet<>(ids(hybrid)));
    assertEquals(union.size(), hybrid.total());
    long languages = hybrid.facets().language().stream().mapToLong(FacetValue::count).sum();
    assertEquals(union.size(), languages, "facets count the same match set");
    assertTrue(lexical.total() < hybrid.total());
  }

  @Test
  void explain_shows_the_lexical_and_the_vector_part() throws Exception {
    Hit hit = run(q("carmaker staff cuts").explain(true)).hits().get(0);
    var parts = hit.explanation().parts();
    assertEquals("lexical", parts.get(0).name());
    assertEquals("vector", parts.get(1).name());
    assertEquals(hit.score(), parts.get(0).value() + parts.get(1).value(), 1e-4);
    assertTrue(parts.get(0).detail().contains("BM25"), parts.toString());
    assertTrue(parts.get(1).detail().contains("by meaning"), parts.toString());
    assertTrue(hit.explanation().summary().startsWith("hybrid: lexical "), hit.explanation().summary());

    Hit semantic = run(q("car makers cut jobs").mode(SearchMode.SEMANTIC).explain(true)).hits().get(0);
    assertEquals("vector", semantic.explanation().parts().get(0).name());
    assertEquals(semantic.score(), semantic.explanation().score(), 1e-3);
  }

  @Test
  void browsing_is_lexical_and_semantic_needs_words() throws Exception {
    assertEquals("lexical", run(q("")).mode(), "browsing has no words to embed");
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> run(q("").mode(SearchMode.SEMANTIC)));
    assertTrue(e.getMessage().startsWith("parameter 'q'"), e.getMessage());
  }

  /**
   * The engine remembers it has vectors: an engine opened without being told (as a later process
   * would) embeds what it writes. It replaces the class's engine, as the contract's other tests
   * would see it.
   */
  @Test
  void api_writes_through_an_engine_not_told_keep_embedding() throws Exception {
    Engine old = engine;
    old.close();
    engine = backend().reopen(old);
    search = engine.search();
    engine.store().upsert(List.of(TestIndexes.article("whale-1", "en", "2025-04-01", "Stranded whale refloated",
        "Volunteers kept the animal wet for hours on the beach until the tide came in and it swam away.", "Coast News")));
    SearchResult r = run(q("marine mammal rescued by people on the shore").mode(SearchMode.SEMANTIC));
    assertEquals("whale-1", r.hits().get(0).id(), ids(r).toString());
  }
}

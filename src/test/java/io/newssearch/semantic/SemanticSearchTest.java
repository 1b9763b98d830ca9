package io.newssearch.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.lucene.LuceneEngine;
import io.newssearch.analysis.Terms;
import io.newssearch.article.Article;
import io.newssearch.index.IndexProgress;
import io.newssearch.index.Indexer;
import io.newssearch.ingest.ParsedCorpus;
import io.newssearch.search.SearchRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our paraphrase collection ({@code src/test/resources/semantic/}): 16 short invented articles and
 * one query each that shares no word with its article after English analysis. The real model (it
 * ships in a jar) embeds them; the kNN search over the quantized HNSW field finds every target,
 * the lexical search through the engine finds none, and their fusion keeps the targets near the top.
 */
class SemanticSearchTest {

  private static final Path COLLECTION = Path.of("src/test/resources/semantic");

  @TempDir static Path dir;

  static List<Article> articles;
  static Map<String, String> queries; // query → target id
  static Map<String, List<String>> lexical = new LinkedHashMap<>();
  static Map<String, List<String>> semantic = new LinkedHashMap<>();

  @BeforeAll
  static void searchBothWays() throws Exception {
    articles = ParsedCorpus.read(List.of(COLLECTION.resolve("articles.jsonl"))).articles();
    queries = new LinkedHashMap<>();
    for (String line : Files.readAllLines(COLLECTION.resolve("queries.tsv"), StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      queries.put(f[0], f[1]);
    }
    try (LuceneEngine engine = new LuceneEngine(dir.resolve("index"))) {
      engine.indexer().run(new Indexer.Options(List.of(COLLECTION.resolve("articles.jsonl")), true, true),
          IndexProgress.NONE);
      for (String q : queries.keySet()) {
        lexical.put(q, engine.search().search(SearchRequest.builder().query(q).collapse(false).build())
            .hits().stream().map(h -> h.id()).toList());
      }
    }
    try (Embedder embedder = Embedders.miniLm(2); Directory vectors = new ByteBuffersDirectory()) {
      float[][] docs = embedder.embed(articles.stream().map(a -> EmbeddingText.of(a.title(), a.body())).toList());
      try (IndexWriter w = new IndexWriter(vectors, new IndexWriterConfig().setCodec(VectorFields.codec()))) {
        for (int i = 0; i < docs.length; i++) {
          Document d = new Document();
          d.add(new StoredField("id", articles.get(i).id()));
          d.add(VectorFields.field(docs[i]));
          w.addDocument(d);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(vectors)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        for (String q : queries.keySet()) {
          List<String> ids = new ArrayList<>();
          for (ScoreDoc sd : searcher.search(VectorFields.nearest(embedder.embed(q), 10, null), 10).scoreDocs) {
            ids.add(searcher.storedFields().document(sd.doc).get("id"));
          }
          semantic.put(q, ids);
        }
      }
    }
  }

  @Test
  void no_query_shares_a_word_with_its_target() throws IOException {
    try (Analyzer english = new EnglishAnalyzer()) {
      for (var q : queries.entrySet()) {
        Article target = articles.stream().filter(a -> a.id().equals(q.getValue())).findFirst().orElseThrow();
        Set<String> shared = new HashSet<>(Terms.of(english, q.getKey()));
        shared.retainAll(Terms.of(english, target.title() + " " + target.body()));
        assertEquals(Set.of(), shared, q.getKey());
      }
    }
    assertEquals(16, queries.size());
    assertEquals(16, new HashSet<>(queries.values()).size(), "one query per article");
  }

  @Test
  void lexical_search_finds_no_target() {
    for (var q : queries.entrySet()) {
      assertFalse(lexical.get(q.getKey()).contains(q.getValue()), q.getKey() + " → " + lexical.get(q.getKey()));
    }
  }

  @Test
  void knn_over_the_embeddings_finds_every_target_near_the_top() {
    int first = 0;
    for (var q : queries.entrySet()) {
      List<String> top = semantic.get(q.getKey());
      assertTrue(top.subList(0, 3).contains(q.getValue()), q.getKey() + " → " + top);
      first += top.get(0).equals(q.getValue()) ? 1 : 0;
    }
    assertTrue(first >= 14, "targets ranked first: " + first + " of 16");
  }

  @Test
  void hybrid_fusion_finds_what_lexical_cannot() {
    int top3 = 0;
    for (var q : queries.entrySet()) {
      List<String> fused = ReciprocalRankFusion.fuse(lexical.get(q.getKey()), semantic.get(q.getKey()),
          ReciprocalRankFusion.DEFAULT).stream().map(ReciprocalRankFusion.Fused::doc).toList();
      // the lexical ranking's wrong answers share the top places, so the target may drop a little
      assertTrue(fused.subList(0, 5).contains(q.getValue()), q.getKey() + " → " + fused);
      top3 += fused.subList(0, 3).contains(q.getValue()) ? 1 : 0;
    }
    assertTrue(top3 >= 14, "targets in the fused top 3: " + top3 + " of 16");
  }
}

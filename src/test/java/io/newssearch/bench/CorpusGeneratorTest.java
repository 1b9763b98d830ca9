package io.newssearch.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.article.Article;
import io.newssearch.index.IndexProgress;
import io.newssearch.index.Indexer;
import io.newssearch.ingest.ParsedCorpus;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.search.SearchRequest;
import io.newssearch.story.Signature;
import io.newssearch.story.StoryClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

  @TempDir Path dir;

  /**
   * Text in two languages: headlines and bodies of eight sentences, each sentence made of its own
   * words, so unrelated generated articles share little text and copies are the only near-duplicates.
   */
  private static RealText text() {
    Random r = new Random(1);
    List<Article> real = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String language = i < 40 ? "en" : "de";
      List<String> body = new ArrayList<>();
      for (int k = 0; k < 8; k++) {
        StringBuilder sentence = new StringBuilder();
        for (int w = 0; w < 12; w++) {
          sentence.append(w == 0 ? "" : " ").append(language).append("word").append(r.nextInt(5_000));
        }
        body.add(sentence + ".");
      }
      real.add(Article.builder().id(language + "-" + i).title("Headline number " + i + " about the harbour")
          .body(String.join(" ", body)).language(language).source(i % 2 == 0 ? "Reuters" : "bbc.com")
          .tags(List.of("shipping")).build());
    }
    return RealText.of(real);
  }

  @Test
  void same_seed_same_bytes_and_the_shares_hold() throws Exception {
    Path a = dir.resolve("a"), b = dir.resolve("b");
    var options = new CorpusGenerator.Options(2_000, 5, 0.1, 0.5);
    var s = CorpusGenerator.generate(text(), options, a);
    CorpusGenerator.generate(text(), options, b);
    assertArrayEquals(Files.readAllBytes(a.resolve("generated-000.jsonl.gz")),
        Files.readAllBytes(b.resolve("generated-000.jsonl.gz")));
    assertEquals(2_000, s.articles());
    assertTrue(s.copies() > 140 && s.copies() < 260, "about 10% copies: " + s.copies());
    long english = s.perLanguage().get("en");
    assertTrue(english > 850 && english < 1_150, "about half English: " + s.perLanguage());
    var generated = ParsedCorpus.read(List.of(a));
    assertEquals(2_000, generated.articles().size());
    assertEquals(0, generated.rejected());
  }

  @Test
  void a_copy_is_another_sources_lightly_edited_version_within_days() {
    RealText text = text();
    RealText.Language en = text.languages().get("en");
    Republisher republisher = new Republisher(new Random(3), List.of("Reuters", "bbc.com"));
    GeneratedArticle original = new GeneratedArticle("o", "Ferry line to open in spring after long delays",
        en.sentences().subList(0, 8), Instant.parse("2024-05-01T10:00:00Z"), "en", List.of("shipping"), "Reuters",
        "https://reuters.example/en/o");
    for (int i = 0; i < 50; i++) {
      GeneratedArticle copy = republisher.copy(original, "c" + i, en);
      assertNotEquals(original.title(), copy.title());
      assertNotEquals("Reuters", copy.source());
      assertEquals(original.sentences().get(0), copy.sentences().get(0), "the lead stays");
      assertTrue(Math.abs(copy.sentences().size() - 8) <= 1, copy.sentences().toString());
      Duration gap = Duration.between(original.published(), copy.published());
      assertTrue(!gap.isNegative() && gap.compareTo(Duration.ofDays(3)) <= 0, gap.toString());
      double similarity = Signature.of(String.join(" ", original.sentences()))
          .similarity(Signature.of(String.join(" ", copy.sentences())));
      assertTrue(similarity >= StoryClusters.THRESHOLD, "a near-duplicate: " + similarity);
    }
  }

  @Test
  void indexed_copies_are_collapsed_into_their_originals_stories() throws Exception {
    Path out = dir.resolve("gen");
    var s = CorpusGenerator.generate(text(), new CorpusGenerator.Options(400, 9, 0.2, 0.5), out);
    try (LuceneEngine engine = new LuceneEngine(dir.resolve("ix"))) {
      engine.indexer().run(new Indexer.Options(List.of(out), true, false), IndexProgress.NONE);
      var all = engine.search().search(SearchRequest.builder().query("").build());
      assertEquals(400, all.totalArticles());
      assertTrue(s.copies() > 50, "copies: " + s.copies());
      assertEquals(400 - s.copies(), all.total(), "each copy is in its original's story, nothing else is joined");
    }
  }
}

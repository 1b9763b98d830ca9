package io.newssearch.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.index.IndexedArticle;
import io.newssearch.index.Origin;
import io.newssearch.story.StoryFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Story ids written through a small window (a reader of the writer reopened every few articles,
 * renames applied through it) are those of a window holding the whole run, and what is held in
 * memory never grows past the window.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleWriterTest {

  private static final int UNBOUNDED = Integer.MAX_VALUE;

  @TempDir Path dir;
  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private final ArticleDocuments documents = new ArticleDocuments(analyzers);
  private int runs;

  @AfterAll
  void closeAnalyzers() {
    analyzers.close();
  }

  @Test
  void fixtures_through_a_window_of_three_give_the_stories_of_the_whole_run_in_any_order() throws Exception {
    List<Article> fixtures = StoryFixtures.load().stream().map(StoryFixtures.Labelled::article).toList();
    Map<String, String> expected = write(fixtures, UNBOUNDED, 1).stories();
    assertEquals("quake-1", expected.get("quake-3"), "the fixtures do form stories");
    for (long seed = 1; seed <= 4; seed++) {
      List<Article> shuffled = new ArrayList<>(fixtures);
      Collections.shuffle(shuffled, new Random(seed));
      Run run = write(shuffled, 3, 1);
      assertEquals(expected, run.stories(), "order " + seed);
      assertTrue(run.maxHeld() <= 3, "held " + run.maxHeld());
    }
  }

  @Test
  void a_run_forty_times_the_window_on_two_threads_gives_the_same_stories_and_stays_within_it() throws Exception {
    List<Article> articles = Versions.generate(600, 7);
    Map<String, String> expected = write(articles, UNBOUNDED, 1).stories();
    long multi = expected.values().stream().distinct().count();
    assertTrue(multi < articles.size() * 0.6, "the generated run has stories of several versions: " + multi);
    List<Article> shuffled = new ArrayList<>(articles);
    Collections.shuffle(shuffled, new Random(11));
    Run run = write(shuffled, 15, 2);
    assertEquals(expected, run.stories());
    assertTrue(run.maxHeld() <= 15 + 2, "held " + run.maxHeld() + " with a window of 15 and two threads");
  }

  @Test
  void an_update_run_joins_indexed_stories_and_renames_them_as_one_run_would() throws Exception {
    List<Article> articles = Versions.generate(200, 3);
    Map<String, String> expected = write(articles, UNBOUNDED, 1).stories();
    List<Article> shuffled = new ArrayList<>(articles);
    Collections.shuffle(shuffled, new Random(5));
    Path index = dir.resolve("update-" + runs++);
    for (int from = 0; from < shuffled.size(); from += 70) {
      writeInto(index, shuffled.subList(from, Math.min(shuffled.size(), from + 70)), 9, 1, from > 0);
    }
    assertEquals(expected, stories(index));
  }

  @Test
  void a_deleted_article_links_nothing_whether_still_held_or_already_in_the_index() throws Exception {
    List<Article> fixtures = StoryFixtures.load().stream().map(StoryFixtures.Labelled::article).toList();
    Article first = fixtures.stream().filter(a -> a.id().equals("space-1")).findFirst().orElseThrow();
    Article copy = new Article("zz-copy", first.url(), first.title(), first.body(),
        first.published().plus(Duration.ofHours(3)), "en", List.of(), "Other Desk", null);
    for (int window : new int[] {1, UNBOUNDED}) {
      Path index = dir.resolve("delete-" + runs++);
      try (Directory d = FSDirectory.open(index); IndexWriter w = writer(d, false);
          ArticleWriter articles = new ArticleWriter(w, documents, true, window)) {
        assertFalse(articles.upsert(IndexedArticle.of(first, Origin.CORPUS)));
        assertTrue(articles.delete(first.id()), "window " + window);
        assertFalse(articles.delete(first.id()), "already deleted, window " + window);
        assertFalse(articles.upsert(IndexedArticle.of(copy, Origin.CORPUS)));
        articles.flush();
        w.commit();
      }
      assertEquals(Map.of("zz-copy", "zz-copy"), stories(index), "window " + window);
    }
  }

  @Test
  void an_index_written_before_binary_band_keys_is_updated_and_its_articles_still_join_stories() throws Exception {
    List<Article> fixtures = StoryFixtures.load().stream().map(StoryFixtures.Labelled::article).toList();
    Article older = fixtures.stream().filter(a -> a.id().equals("space-2")).findFirst().orElseThrow();
    Article copy = new Article("space-0", older.url(), older.title(), older.body(),
        older.published().plus(Duration.ofHours(2)), "en", List.of(), "Other Desk", null);
    Path index = dir.resolve("legacy-" + runs++);
    try (Directory d = FSDirectory.open(index); IndexWriter w = writer(d, false)) {
      w.addDocument(legacy(documents.toDocument(IndexedArticle.of(older, Origin.CORPUS), older.id())));
      w.commit();
    }
    writeInto(index, List.of(copy), UNBOUNDED, 1, true); // Lucene would refuse the spell field with new options
    assertEquals(Map.of("space-0", "space-0", "space-2", "space-0"), stories(index),
        "the old article was found by its text band key and renamed");
  }

  @Test
  void the_pieces_have_no_norms_in_a_new_index_and_keep_them_in_one_written_with_them() throws Exception {
    Article first = new Article("sn-1", null, "Mvura yakanaya kuBulawayo", "Vanhu vakawanda vakafara nemvura.",
        Instant.parse("2024-03-01T08:00:00Z"), "sn", List.of(), "Desk", null);
    Article second = new Article("sn-2", null, "Chikoro chitsva muHarare", "Vana vakawanda vachadzidza ipapo.",
        Instant.parse("2024-03-02T08:00:00Z"), "sn", List.of(), "Desk", null);
    Path fresh = dir.resolve("pieces-new-" + runs++);
    writeInto(fresh, List.of(first, second), UNBOUNDED, 1, false);
    assertFalse(subwordsHaveNorms(fresh), "a new index omits the pieces' norms");

    Path older = dir.resolve("pieces-old-" + runs++);
    try (Directory d = FSDirectory.open(older); IndexWriter w = writer(d, false)) {
      Document withNorms = new Document();
      for (org.apache.lucene.index.IndexableField f : documents.toDocument(IndexedArticle.of(first, Origin.CORPUS), first.id())) {
        withNorms.add(!f.name().equals(Schema.SUBWORDS) ? f
            : new org.apache.lucene.document.Field(Schema.SUBWORDS, f.tokenStream(analyzers.forLanguage("sn"), null),
                Schema.SUBWORDS_TYPE_WITH_NORMS));
      }
      w.addDocument(withNorms);
      w.commit();
    }
    writeInto(older, List.of(second), UNBOUNDED, 1, true); // Lucene refuses to drop a field's norms in one index
    assertTrue(subwordsHaveNorms(older), "an index written with the pieces' norms keeps them");
    assertEquals(Map.of("sn-1", "sn-1", "sn-2", "sn-2"), stories(older));
  }

  private static boolean subwordsHaveNorms(Path index) throws IOException {
    try (Directory d = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(d)) {
      var info = org.apache.lucene.index.FieldInfos.getMergedFieldInfos(reader).fieldInfo(Schema.SUBWORDS);
      assertTrue(info != null, "the articles have pieces");
      return info.hasNorms();
    }
  }

  /** The document as indexes held it before: band keys as text, the spell field with positions and norms. */
  private static Document legacy(Document current) {
    Document out = new Document();
    for (org.apache.lucene.index.IndexableField f : current.getFields()) {
      if (f.name().equals(Schema.SPELL)) {
        out.add(new org.apache.lucene.document.TextField(Schema.SPELL, f.stringValue(), org.apache.lucene.document.Field.Store.NO));
      } else if (!f.name().equals(Schema.STORY_BANDS)) {
        out.add(f);
      }
    }
    io.newssearch.story.Signature sig = ArticleDocuments.signature(current);
    for (String key : io.newssearch.story.Bands.keys(sig)) {
      out.add(new org.apache.lucene.document.StringField(Schema.LEGACY_STORY_BANDS, key, org.apache.lucene.document.Field.Store.NO));
    }
    return out;
  }

  /** What one write run left: story per article, and the most it held in memory. */
  record Run(Map<String, String> stories, int maxHeld) {}

  private Run write(List<Article> articles, int window, int threads) throws Exception {
    Path index = dir.resolve("run-" + runs++);
    int held = writeInto(index, articles, window, threads, false);
    return new Run(stories(index), held);
  }

  /** Writes the articles on {@code threads} threads (each article's versions on one), commits; returns the most held. */
  private int writeInto(Path index, List<Article> articles, int window, int threads, boolean append) throws Exception {
    AtomicInteger maxHeld = new AtomicInteger();
    try (Directory d = FSDirectory.open(index); IndexWriter w = writer(d, append);
        ArticleWriter out = new ArticleWriter(w, documents, !append, window)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int part = t;
          parts.add(pool.submit(() -> {
            for (int i = part; i < articles.size(); i += threads) {
              out.upsert(IndexedArticle.of(articles.get(i), Origin.CORPUS));
              maxHeld.accumulateAndGet(out.held(), Math::max);
            }
            return null;
          }));
        }
        for (Future<?> f : parts) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      out.flush();
      w.commit();
    }
    return maxHeld.get();
  }

  private static IndexWriter writer(Directory d, boolean append) throws IOException {
    return new IndexWriter(d, new IndexWriterConfig(Schema.queryAnalyzer(new StandardAnalyzer()))
        .setOpenMode(append ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE));
  }

  private static Map<String, String> stories(Path index) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Directory d = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(d)) {
      Bits live = MultiBits.getLiveDocs(reader);
      StoredFields stored = reader.storedFields();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        if (live == null || live.get(doc)) {
          Document document = stored.document(doc);
          assertTrue(out.put(document.get(Schema.ID), document.get(Schema.STORY)) == null, "one document per id");
        }
      }
    }
    return out;
  }

  /**
   * Generated stories in several versions: a body of 60 words from a small vocabulary, each version
   * changing a few words, published within days; and the same template again weeks later (another
   * story). Ids are random, so the smallest id of a story is as often the last version as the first.
   */
  static final class Versions {
    static List<Article> generate(int count, long seed) {
      Random random = new Random(seed);
      List<Article> out = new ArrayList<>();
      Instant start = Instant.parse("2024-01-01T00:00:00Z");
      while (out.size() < count) {
        String[] words = new String[60];
        for (int i = 0; i < words.length; i++) {
          words[i] = "w" + random.nextInt(400);
        }
        Instant when = start.plus(Duration.ofDays(random.nextInt(300)));
        int versions = 1 + random.nextInt(5);
        for (int v = 0; v < versions && out.size() < count; v++) {
          String[] edited = words.clone();
          for (int k = 0; k < 3; k++) {
            edited[random.nextInt(edited.length)] = "e" + random.nextInt(400);
          }
          Instant published = random.nextInt(8) == 0 ? when.plus(Duration.ofDays(30)) : when.plus(Duration.ofHours(random.nextInt(72)));
          String id = String.format("a%05d", random.nextInt(100_000));
          out.add(new Article(id + "-" + out.size(), null, "Story " + id, String.join(" ", edited), published, "en",
              List.of(), "Desk " + v, null));
        }
      }
      return out;
    }
  }
}

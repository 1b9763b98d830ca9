package io.newssearch.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.TestIndexes;
import io.newssearch.article.Article;
import io.newssearch.story.StoryFixtures.Labelled;
import io.newssearch.story.StoryFixtures.Scores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Story clusters on the labelled fixtures: quality, and the same clusters in any write order. */
class StoryClusteringTest {

  @TempDir Path dir;

  static List<Article> articles(List<Labelled> labelled) {
    return labelled.stream().map(Labelled::article).toList();
  }

  @Test
  void fixtures_cluster_with_high_pairwise_precision_and_recall() throws Exception {
    List<Labelled> labelled = StoryFixtures.load();
    TestIndexes.write(dir.resolve("a"), articles(labelled));
    Map<String, String> stories = StoryFixtures.stories(dir.resolve("a"));
    Scores s = StoryFixtures.score(labelled, stories);
    System.out.printf("story clustering on %d fixtures: %d true pairs, %d predicted, %d correct: precision %.3f, recall %.3f%n",
        labelled.size(), s.truePairs(), s.predictedPairs(), s.correctPairs(), s.precision(), s.recall());
    for (Labelled l : labelled) {
      System.out.println("  " + l.label() + "\t" + l.article().id() + "\t-> " + stories.get(l.article().id()));
    }
    assertEquals(1.0, s.precision(), 1e-9, "no distinct story merges");
    assertTrue(s.recall() >= 0.9, "recall " + s.recall());
    assertEquals("quake-1", stories.get("quake-3"), "the story id is the smallest article id");
    assertEquals("distinct-quake", stories.get("distinct-quake"));
  }

  @Test
  void shuffled_rebuilds_and_one_by_one_writes_give_the_same_stories() throws Exception {
    List<Article> in = new ArrayList<>(articles(StoryFixtures.load()));
    TestIndexes.write(dir.resolve("ordered"), in);
    Map<String, String> expected = StoryFixtures.stories(dir.resolve("ordered"));
    for (long seed : new long[] {1, 2, 3}) {
      List<Article> shuffled = new ArrayList<>(in);
      Collections.shuffle(shuffled, new Random(seed));
      Path rebuilt = dir.resolve("shuffled-" + seed);
      TestIndexes.write(rebuilt, shuffled);
      assertEquals(expected, StoryFixtures.stories(rebuilt), "rebuild in order " + seed);
    }
    // Newest first, one commit per article, as API writes arrive: each joins and renames indexed stories.
    List<Article> reversed = new ArrayList<>(in);
    Collections.reverse(reversed);
    Path oneByOne = dir.resolve("one-by-one");
    for (Article a : reversed) {
      TestIndexes.write(oneByOne, List.of(a));
    }
    assertEquals(expected, StoryFixtures.stories(oneByOne));
  }

  @Test
  void the_same_template_weeks_apart_is_two_stories() throws Exception {
    Article a = StoryFixtures.load().get(0).article();
    Article monthLater = new Article("zz-repeat", a.url(), a.title(), a.body(),
        a.published().plus(java.time.Duration.ofDays(30)), "en", List.of(), "Valley Post", null);
    Article dayLater = new Article("zz-resend", a.url(), a.title(), a.body(),
        a.published().plus(java.time.Duration.ofDays(1)), "en", List.of(), "Valley Post", null);
    TestIndexes.write(dir.resolve("gap"), List.of(a, monthLater, dayLater));
    Map<String, String> stories = StoryFixtures.stories(dir.resolve("gap"));
    assertEquals("zz-repeat", stories.get("zz-repeat"));
    assertEquals(a.id(), stories.get("zz-resend"));
  }

  @Test
  void signatures_estimate_similarity_and_short_bodies_have_none() {
    String body = "The central bank held interest rates steady on Thursday, citing easing inflation and a "
        + "cooling labour market, and said it would watch wages closely in the coming months before it "
        + "decides whether to cut borrowing costs again at its next meeting in the spring.";
    Signature a = Signature.of(body);
    assertEquals(1.0, a.similarity(Signature.of(body)));
    assertEquals(a, Signature.fromBytes(a.toBytes()));
    assertTrue(a.similarity(Signature.of(body.replace("Thursday", "Friday"))) > 0.5);
    assertTrue(a.similarity(Signature.of("Sailors from the harbour city won the autumn regatta after a "
        + "close final race on a windy afternoon in the bay, their third win in a row, and the crowd on "
        + "the pier cheered as the boats came back to the old harbour before the rain.")) < 0.1);
    assertNull(Signature.of("Too short to say."));
    assertEquals(Bands.BANDS, Bands.keys(a).size());
  }
}

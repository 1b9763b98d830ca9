package io.newssearch.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.lucene.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query multiplied by language weights ({@link LanguageWeights#applyPerBranch}, built on
 * {@link ScoreFactorQuery}) gives, through Lucene's bulk scoring and skipping, the top articles and
 * scores that scoring every match one by one gives: on an index of several segments with deleted
 * articles in four languages, with one branch or several (each restricted to its languages), and
 * weights of 0, below 1 and 1.
 */
class ScoreFactorQueryTest {

  private static final List<String> LANGUAGES = List.of("en", "fr", "sw", "yo");
  private static final List<String> WORDS = List.of("port", "strike", "grain", "oil", "vote", "court", "rain",
      "bank", "coach", "fire", "road", "tax");
  private static final float[] WEIGHTS = {0f, 0.25f, 0.5f, 1f};

  @TempDir
  Path dir;

  @Test
  void topArticlesAndScoresAreThoseOfScoringEveryMatch() throws IOException {
    Random random = new Random(7);
    try (FSDirectory fs = FSDirectory.open(dir)) {
      write(fs, random);
      try (DirectoryReader reader = DirectoryReader.open(fs)) {
        assertTrue(reader.leaves().size() >= 5, "several segments");
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null);
        int checked = 0;
        for (int i = 0; i < 60; i++) {
          Query q = LanguageWeights.applyPerBranch(branches(random), weights(random));
          for (int n : new int[] {1, 5, 20}) {
            List<ScoreDoc> expected = everyMatch(searcher, q);
            ScoreDoc[] got = searcher.search(q, new TopScoreDocCollectorManager(n, n)).scoreDocs;
            assertEquals(Math.min(n, expected.size()), got.length, q.toString());
            for (int r = 0; r < got.length; r++) {
              // rank by rank the same score; sums in another order may differ in the last bits
              assertEquals(expected.get(r).score, got[r].score, 1e-5f * Math.max(1f, got[r].score), q + " rank " + r);
            }
            checked += got.length;
          }
        }
        assertTrue(checked > 300, "the queries matched: " + checked);
      }
    }
  }

  /** 6,000 articles in 5 segments (large enough for Lucene to skip blocks), a tenth of them deleted. */
  private static void write(FSDirectory fs, Random random) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
    try (IndexWriter writer = new IndexWriter(fs, config)) {
      for (int i = 0; i < 6_000; i++) {
        Document d = new Document();
        d.add(new StringField("id", Integer.toString(i), Store.NO));
        d.add(new KeywordField(Schema.LANGUAGE, LANGUAGES.get(random.nextInt(LANGUAGES.size())), Store.NO));
        d.add(new TextField(Schema.BODY, text(random, 3 + random.nextInt(30)), Store.NO));
        d.add(new TextField(Schema.TITLE, text(random, 1 + random.nextInt(5)), Store.NO));
        writer.addDocument(d);
        if (i % 1_200 == 1_199) {
          writer.commit();
        }
      }
      for (int i = 0; i < 6_000; i += 10) {
        writer.deleteDocuments(new Term("id", Integer.toString(i)));
      }
      writer.commit();
    }
  }

  /** Words drawn with a skew, so that some are common and some rare. */
  private static String text(Random random, int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      int k = (int) (WORDS.size() * Math.pow(random.nextDouble(), 2));
      sb.append(WORDS.get(k)).append(' ');
    }
    return sb.toString();
  }

  /** One branch over every language, or two or three over disjoint sets of them, each of its own words. */
  private static Map<Query, Set<String>> branches(Random random) {
    List<String> langs = new ArrayList<>(LANGUAGES);
    java.util.Collections.shuffle(langs, random);
    int count = 1 + random.nextInt(3);
    Map<Query, Set<String>> out = new LinkedHashMap<>();
    for (int b = 0; b < count; b++) {
      Set<String> own = new TreeSet<>(count == 1 ? langs : langs.subList(b * langs.size() / count, (b + 1) * langs.size() / count));
      BooleanQuery.Builder words = new BooleanQuery.Builder();
      for (int w = 0; w < 1 + random.nextInt(3); w++) {
        String word = WORDS.get(random.nextInt(WORDS.size()));
        words.add(new TermQuery(new Term(Schema.BODY, word)), Occur.SHOULD);
        words.add(new BoostQuery(new TermQuery(new Term(Schema.TITLE, word)), 2f), Occur.SHOULD);
      }
      out.put(words.build(), own);
    }
    return out;
  }

  /** Any weights: a branch whose languages all weigh below 1 skips by its own, lower maximum. */
  private static Map<String, Float> weights(Random random) {
    Map<String, Float> out = new HashMap<>();
    for (String lang : LANGUAGES) {
      out.put(lang, WEIGHTS[random.nextInt(WEIGHTS.length)]);
    }
    return out;
  }

  /** Every match scored one by one through the scorer, best first, ties by document. */
  private static List<ScoreDoc> everyMatch(IndexSearcher searcher, Query q) throws IOException {
    Weight weight = searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE, 1f);
    List<ScoreDoc> all = new ArrayList<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      var live = leaf.reader().getLiveDocs();
      DocIdSetIterator it = scorer.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live == null || live.get(doc)) {
          all.add(new ScoreDoc(leaf.docBase + doc, scorer.score()));
        }
      }
    }
    all.sort(Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
    return all;
  }
}

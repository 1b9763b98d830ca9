package io.newssearch.eval;

import io.newssearch.search.Recency;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.index.Indexer;
import io.newssearch.index.IndexProgress;
import io.newssearch.lucene.Schema;
import io.newssearch.index.StrictModeException;
import io.newssearch.ingest.ParsedCorpus;
import io.newssearch.lucene.search.QueryFactory;
import io.newssearch.search.Ranking;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The TIME 1963 test collection ({@code TIME.ALL}, {@code queries.tsv}, {@code qrels.txt}): each
 * query run against a bare BM25 baseline (EnglishAnalyzer over the article text, classic
 * QueryParser) and against the newssearch index (built by the real pipeline) with each ranking
 * variant; a TREC run file per variant and trec_eval's measures.
 */
public final class TimeEvaluation {

  /** How many documents each query retrieves into the run (trec_eval's usual depth). */
  public static final int DEPTH = 1000;
  /** "Now" for the recency variant: the end of the collection's year. */
  static final Instant END_OF_1963 = Instant.parse("1963-12-31T23:59:59Z");

  /** One row of the results table. */
  public record Row(String variant, TrecMeasures.Values values, Path runFile) {}

  private TimeEvaluation() {}

  /** The variants measured, by name: the shipped ranking first, then each knob changed alone. */
  static Map<String, Ranking> variants() {
    Map<String, Ranking> m = new LinkedHashMap<>();
    m.put("newssearch (title×2, proximity 1.0)", Ranking.DEFAULT);
    m.put("title boost off (title×1)", Ranking.DEFAULT.withTitleBoost(1f));
    m.put("proximity off", Ranking.DEFAULT.withProximityBoost(0f));
    m.put("title×1, proximity off", Ranking.DEFAULT.withTitleBoost(1f).withProximityBoost(0f));
    m.put("proximity 0.5", Ranking.DEFAULT.withProximityBoost(0.5f));
    m.put("proximity 2.0", Ranking.DEFAULT.withProximityBoost(2f));
    m.put("pairwise proximity", Ranking.DEFAULT.withPairwiseProximity(true));
    m.put("pairwise proximity, title×1", Ranking.DEFAULT.withPairwiseProximity(true).withTitleBoost(1f));
    return m;
  }

  /**
   * @param collection folder holding TIME.ALL, queries.tsv and qrels.txt
   * @param work scratch folder for the index and the run files
   */
  public static List<Row> run(Path collection, Path work) throws IOException {
    Qrels qrels = Qrels.read(collection.resolve("qrels.txt"));
    Map<String, String> queries = readQueries(collection.resolve("queries.tsv"));
    List<Row> rows = new ArrayList<>();

    ParsedCorpus corpus = ParsedCorpus.read(List.of(collection.resolve("TIME.ALL")));
    try (Directory bare = bareIndex(corpus.articles()); DirectoryReader reader = DirectoryReader.open(bare)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      QueryParser parser = new QueryParser(Schema.BODY, new EnglishAnalyzer());
      Map<String, List<TrecMeasures.Scored>> runs = runAll(queries, searcher, text -> {
        try {
          return parser.parse(QueryParser.escape(text));
        } catch (ParseException e) {
          throw new IllegalArgumentException(e);
        }
      });
      rows.add(row("BM25 bare (EnglishAnalyzer, body)", runs, qrels, work, "bm25-bare"));
    }

    Path indexDir = work.resolve("time-index");
    try (LuceneEngine engine = new LuceneEngine(indexDir)) {
      engine.indexer().run(new Indexer.Options(List.of(collection.resolve("TIME.ALL")), true, false),
          IndexProgress.NONE);
    } catch (StrictModeException e) {
      throw new IllegalStateException("not strict, cannot happen", e);
    }
    Path generation = new io.newssearch.lucene.IndexLayout(indexDir).current().orElseThrow();
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        Directory dir = FSDirectory.open(generation);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      int i = 0;
      for (var v : variants().entrySet()) {
        QueryFactory factory = new QueryFactory(analyzers, v.getValue());
        var runs = runAll(queries, searcher, text -> factory.textQuery(text, false, false, Set.of("en")));
        rows.add(row(v.getKey(), runs, qrels, work, "newssearch-" + i++));
      }
      QueryFactory shipped = new QueryFactory(analyzers);
      var runs = runAll(queries, searcher, text ->
          QueryFactory.withRecency(shipped.textQuery(text, false, false, Set.of("en")),
              new Recency(END_OF_1963, Recency.DEFAULT_HALF_LIFE, Recency.DEFAULT_FLOOR)));
      rows.add(row("newssearch + recency (sort=recency, now=1963-12-31)", runs, qrels, work, "newssearch-recency"));
    }
    return rows;
  }

  private static Row row(String name, Map<String, List<TrecMeasures.Scored>> runs, Qrels qrels, Path work,
      String tag) throws IOException {
    Path file = work.resolve("runs").resolve("time-" + tag + ".run");
    TrecRun.write(file, runs, tag);
    return new Row(name, TrecMeasures.mean(runs, qrels), file);
  }

  private static Map<String, List<TrecMeasures.Scored>> runAll(Map<String, String> queries,
      IndexSearcher searcher, Function<String, Query> toQuery) throws IOException {
    Map<String, List<TrecMeasures.Scored>> runs = new LinkedHashMap<>();
    var stored = searcher.storedFields();
    for (var q : queries.entrySet()) {
      List<TrecMeasures.Scored> hits = new ArrayList<>();
      for (ScoreDoc sd : searcher.search(toQuery.apply(q.getValue()), DEPTH).scoreDocs) {
        String id = stored.document(sd.doc, Set.of(Schema.ID)).get(Schema.ID);
        hits.add(new TrecMeasures.Scored(docno(id), sd.score));
      }
      runs.put(q.getKey(), hits);
    }
    return runs;
  }

  /** The qrels name an article by its TEXT number as an integer: {@code time-17} → {@code 17}. */
  static String docno(String id) {
    return id.startsWith("time-") ? id.substring("time-".length()) : id;
  }

  static Map<String, String> readQueries(Path file) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        m.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
      }
    }
    return m;
  }

  /** The baseline's index: the article's whole text in one EnglishAnalyzer field, BM25 defaults. */
  private static Directory bareIndex(List<Article> articles) throws IOException {
    Directory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new EnglishAnalyzer()))) {
      for (Article a : articles) {
        Document d = new Document();
        d.add(new StringField(Schema.ID, a.id(), Store.YES));
        d.add(new TextField(Schema.BODY, a.body() == null ? "" : a.body(), Store.NO));
        w.addDocument(d);
      }
    }
    return dir;
  }
}

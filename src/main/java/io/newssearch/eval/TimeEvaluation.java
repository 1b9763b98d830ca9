package io.newssearch.eval;

import io.newssearch.article.Article;
import io.newssearch.ingest.ParsedCorpus;
import io.newssearch.lucene.Schema;
import io.newssearch.search.Ranking;
import io.newssearch.search.SearchService;
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
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * The TIME 1963 test collection ({@code TIME.ALL}, {@code queries.tsv}, {@code qrels.txt}): a bare
 * BM25 baseline (EnglishAnalyzer over the article text, classic QueryParser) against newssearch
 * as a user meets it — the articles indexed by the real pipeline, each query sent through {@link
 * UserPath} with default parameters — with the shipped ranking and each candidate. Measures over
 * every judged query and over each of the two {@link Halves}; a TREC run file per row.
 */
public final class TimeEvaluation {

  /** How many documents each query retrieves into the run (trec_eval's usual depth). */
  public static final int DEPTH = 1000;
  /** The clock of the user path: a reader of 1963 asks at the end of the collection's year. */
  static final Instant END_OF_1963 = Instant.parse("1963-12-31T23:59:59Z");
  /** Average precision within this of the baseline's is a tie (a swap far down the list). */
  static final double AP_TIE = 0.005;

  /** One system: measures over all judged queries and each half, each query's average precision. */
  public record Row(String name, TrecMeasures.Values all, TrecMeasures.Values a, TrecMeasures.Values b,
      Map<String, Double> ap, Path runFile, int dated) {}

  /** Everything one evaluation run measured. */
  public record Report(Row baseline, List<Row> rows, int judged, Set<String> halfA, int timedOut,
      Map<String, String> queries) {

    /** A row against the baseline, query by query on average precision. */
    public QueryComparison compare(Row row) {
      return QueryComparison.of(row.ap(), baseline.ap(), AP_TIE);
    }
  }

  /** What a row runs: a ranking, and the parameters every request carries besides {@code q}. */
  record Spec(String name, Ranking ranking, Map<String, String> params) {}

  private TimeEvaluation() {}

  /** The rows: the shipped ranking as a user meets it first, then the same with other clocks or sorts, then candidates. */
  static List<Spec> specs(Map<String, Ranking> candidates) {
    String now = END_OF_1963.toString();
    List<Spec> specs = new ArrayList<>();
    specs.add(new Spec("newssearch, default parameters (now=1963-12-31)", Ranking.DEFAULT, Map.of("now", now)));
    specs.add(new Spec("newssearch, default parameters, today's clock", Ranking.DEFAULT, Map.of()));
    specs.add(new Spec("newssearch, sort=recency (now=1963-12-31)", Ranking.DEFAULT,
        Map.of("now", now, "sort", "recency")));
    candidates.forEach((name, ranking) -> specs.add(new Spec(name, ranking, Map.of("now", now))));
    return specs;
  }

  /**
   * @param collection folder holding TIME.ALL, queries.tsv and qrels.txt
   * @param work scratch folder for the index and the run files
   * @param candidates rankings to measure beside the shipped one, by name
   */
  public static Report run(Path collection, Path work, Map<String, Ranking> candidates) throws IOException {
    Qrels qrels = Qrels.read(collection.resolve("qrels.txt"));
    Map<String, String> queries = readQueries(collection.resolve("queries.tsv"));
    List<String> judged = queries.keySet().stream()
        .filter(q -> TrecMeasures.relevantCount(qrels.judgments(q)) > 0).toList();
    Set<String> halfA = Halves.A.of(judged);

    Row baseline = row("BM25 bare (EnglishAnalyzer, body)", bare(collection, queries), qrels, halfA, work, "bm25-bare", 0);
    List<Row> rows = new ArrayList<>();
    int timedOut = 0;
    try (EvalIndex index = EvalIndex.build(work.resolve("time-index"), List.of(collection.resolve("TIME.ALL")))) {
      int i = 0;
      for (Spec spec : specs(candidates)) {
        try (SearchService service = index.search(spec.ranking())) {
          UserPath path = new UserPath(service, spec.params());
          Map<String, List<TrecMeasures.Scored>> runs = new LinkedHashMap<>();
          for (var q : queries.entrySet()) {
            runs.put(q.getKey(), byRank(path.ranked(q.getValue(), DEPTH)));
          }
          rows.add(row(spec.name(), runs, qrels, halfA, work, "newssearch-" + i++, path.dated()));
          timedOut += path.timedOut();
        }
      }
    }
    return new Report(baseline, rows, judged.size(), halfA, timedOut, queries);
  }

  /**
   * The user's order as a run: scores count down from the depth, so trec_eval's re-sort by score
   * keeps the order the user saw (the API's ties are broken by the engine, not by docno).
   */
  static List<TrecMeasures.Scored> byRank(List<String> ids) {
    List<TrecMeasures.Scored> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      out.add(new TrecMeasures.Scored(docno(ids.get(i)), DEPTH - i));
    }
    return out;
  }

  private static Row row(String name, Map<String, List<TrecMeasures.Scored>> runs, Qrels qrels, Set<String> halfA,
      Path work, String tag, int dated) throws IOException {
    Path file = work.resolve("runs").resolve("time-" + tag + ".run");
    TrecRun.write(file, runs, tag);
    Map<String, Double> ap = new LinkedHashMap<>();
    for (String qid : qrels.queryIds()) {
      Map<String, Integer> judged = qrels.judgments(qid);
      if (TrecMeasures.relevantCount(judged) > 0) {
        ap.put(qid, TrecMeasures.of(runs.getOrDefault(qid, List.of()), judged).ap());
      }
    }
    return new Row(name, TrecMeasures.mean(runs, qrels), TrecMeasures.mean(runs, qrels.only(halfA)),
        TrecMeasures.mean(runs, qrels.without(halfA)), ap, file, dated);
  }

  /** The baseline: BM25 defaults over the article text in one EnglishAnalyzer field, classic parser. */
  private static Map<String, List<TrecMeasures.Scored>> bare(Path collection, Map<String, String> queries)
      throws IOException {
    List<Article> articles = ParsedCorpus.read(List.of(collection.resolve("TIME.ALL"))).articles();
    Map<String, List<TrecMeasures.Scored>> runs = new LinkedHashMap<>();
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new EnglishAnalyzer()))) {
        for (Article a : articles) {
          Document d = new Document();
          d.add(new StringField(Schema.ID, a.id(), Store.YES));
          d.add(new TextField(Schema.BODY, a.body() == null ? "" : a.body(), Store.NO));
          w.addDocument(d);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        QueryParser parser = new QueryParser(Schema.BODY, new EnglishAnalyzer());
        var stored = searcher.storedFields();
        for (var q : queries.entrySet()) {
          List<TrecMeasures.Scored> hits = new ArrayList<>();
          for (ScoreDoc sd : searcher.search(KnownItemEvaluation.plainWords(parser, q.getValue()), DEPTH).scoreDocs) {
            hits.add(new TrecMeasures.Scored(docno(stored.document(sd.doc, Set.of(Schema.ID)).get(Schema.ID)), sd.score));
          }
          runs.put(q.getKey(), hits);
        }
      }
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
}

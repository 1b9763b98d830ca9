package io.newssearch.eval;

import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.lucene.ArticleDocuments;
import io.newssearch.lucene.Schema;
import io.newssearch.ingest.ParsedCorpus;
import io.newssearch.lucene.search.QueryFactory;
import io.newssearch.search.Ranking;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
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

/**
 * Known-item search on MasakhaNEWS: per language folder, every article's text is indexed (its
 * headline is not), then each headline is a query whose one right answer is its own article.
 * newssearch (the language's analyzer, the shipped QueryFactory over title and body) against a
 * plain StandardAnalyzer body field with the classic QueryParser.
 */
public final class KnownItemEvaluation {

  static final int CUTOFF = 10;

  /** One language: how many headlines were asked, and MRR@10 / success@10 for both systems. */
  public record Row(String folder, String language, int queries, double mrrOurs, double successOurs,
      double mrrBaseline, double successBaseline) {}

  private KnownItemEvaluation() {}

  /** @param data the folder holding one sub-folder per language ({@code masakhanews/data}) */
  public static List<Row> run(Path data) throws IOException {
    return run(data, Ranking.DEFAULT);
  }

  /** @param ranking newssearch's ranking knobs, to measure a variant */
  public static List<Row> run(Path data, Ranking ranking) throws IOException {
    List<Path> folders;
    try (Stream<Path> s = Files.list(data)) {
      folders = s.filter(Files::isDirectory).sorted().toList();
    }
    List<Row> rows = new ArrayList<>();
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers()) {
      for (Path folder : folders) {
        List<Article> articles = ParsedCorpus.read(List.of(folder)).articles().stream()
            .filter(a -> a.title() != null && !a.title().isBlank() && a.body() != null && !a.body().isBlank())
            .toList();
        if (!articles.isEmpty()) {
          rows.add(language(folder.getFileName().toString(), articles, analyzers, ranking));
        }
      }
    }
    return rows;
  }

  static Row language(String folder, List<Article> articles, LanguageAnalyzers analyzers, Ranking ranking)
      throws IOException {
    String lang = articles.get(0).language();
    ArticleDocuments documents = new ArticleDocuments(analyzers);
    QueryFactory ours = new QueryFactory(analyzers, ranking);
    QueryParser baseline = new QueryParser(Schema.BODY, new StandardAnalyzer());
    double rrOurs = 0, hitOurs = 0, rrBase = 0, hitBase = 0;
    try (Directory oursDir = new ByteBuffersDirectory(); Directory baseDir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(oursDir, new IndexWriterConfig(Schema.queryAnalyzer(new StandardAnalyzer())));
          IndexWriter b = new IndexWriter(baseDir, new IndexWriterConfig(new StandardAnalyzer()))) {
        for (Article a : articles) {
          // the text only: the headline is the query
          w.addDocument(documents.toDocument(new Article(a.id(), null, "", a.body(), null, lang, List.of(), null, null)));
          Document d = new Document();
          d.add(new StringField(Schema.ID, a.id(), Store.YES));
          d.add(new TextField(Schema.BODY, a.body(), Store.NO));
          b.addDocument(d);
        }
      }
      try (DirectoryReader or = DirectoryReader.open(oursDir); DirectoryReader br = DirectoryReader.open(baseDir)) {
        IndexSearcher os = new IndexSearcher(or);
        IndexSearcher bs = new IndexSearcher(br);
        for (Article a : articles) {
          // Both systems get the headline as plain text: quoted headlines ("...") would otherwise be
          // exact-phrase queries for newssearch only (see EVALUATION.md, Somali).
          String text = QueryParser.escape(a.title());
          double r1 = reciprocalRank(os, ours.textQuery(text, false, false, Set.of(lang), os), a.id());
          double r2 = reciprocalRank(bs, plainWords(baseline, a.title()), a.id());
          rrOurs += r1;
          hitOurs += r1 > 0 ? 1 : 0;
          rrBase += r2;
          hitBase += r2 > 0 ? 1 : 0;
        }
      }
    }
    int n = articles.size();
    return new Row(folder, lang, n, rrOurs / n, hitOurs / n, rrBase / n, hitBase / n);
  }

  /** A baseline's query: the text as plain words (escaped), so syntax characters in it mean nothing. */
  static Query plainWords(QueryParser parser, String text) {
    try {
      return parser.parse(QueryParser.escape(text));
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static double reciprocalRank(IndexSearcher searcher, Query q, String id) throws IOException {
    var stored = searcher.storedFields();
    ScoreDoc[] top = searcher.search(q, CUTOFF).scoreDocs;
    for (int i = 0; i < top.length; i++) {
      if (id.equals(stored.document(top[i].doc, Set.of(Schema.ID)).get(Schema.ID))) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }
}

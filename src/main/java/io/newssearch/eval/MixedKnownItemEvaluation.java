package io.newssearch.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newssearch.article.Article;
import io.newssearch.ingest.ParsedCorpus;
import io.newssearch.lucene.Schema;
import io.newssearch.search.Ranking;
import io.newssearch.search.SearchService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * Known-item search on MasakhaNEWS as a user meets it: the articles of every language folder in
 * one index built by the real pipeline (their text only: the headline is the query), and each
 * headline sent through {@link UserPath} as typed, with default parameters and no {@code lang}, so
 * the engine searches every language at once. Its one right answer is its own article; MRR@10 and
 * success@10 per language, against a StandardAnalyzer index of the same texts (classic parser,
 * the headline escaped to plain words), with each query's win, loss or tie.
 */
public final class MixedKnownItemEvaluation {

  /** One language's queries in the mixed index. */
  public record Language(String folder, String language, int queries, double mrr, double success,
      double mrrBaseline, double successBaseline, QueryComparison comparison, double mrrA, double mrrB,
      double baselineA, double baselineB) {}

  /** One ranking measured over every language. */
  public record Report(String name, List<Language> languages, int timedOut, int dated, int relaxed, Path perQuery) {

    /** The mean of the languages' MRR@10 (each language counts once). */
    public double macroMrr() {
      return languages.stream().mapToDouble(Language::mrr).average().orElse(0);
    }

    /** The mean of the languages' MRR@10 over one half of each language's headlines. */
    public double macroMrr(Halves half) {
      return languages.stream().mapToDouble(l -> half == Halves.A ? l.mrrA() : l.mrrB()).average().orElse(0);
    }

    public double macroBaseline(Halves half) {
      return languages.stream().mapToDouble(l -> half == Halves.A ? l.baselineA() : l.baselineB()).average()
          .orElse(0);
    }

    public double macroBaseline() {
      return languages.stream().mapToDouble(Language::mrrBaseline).average().orElse(0);
    }

    /** MRR@10 over every query (a language counts by its number of headlines). */
    public double microMrr() {
      return languages.stream().mapToDouble(l -> l.mrr() * l.queries()).sum() / queries();
    }

    public double microBaseline() {
      return languages.stream().mapToDouble(l -> l.mrrBaseline() * l.queries()).sum() / queries();
    }

    public int queries() {
      return languages.stream().mapToInt(Language::queries).sum();
    }

    public QueryComparison comparison() {
      return QueryComparison.sum(languages.stream().map(Language::comparison).toList());
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private MixedKnownItemEvaluation() {}

  /**
   * @param data the folder holding one sub-folder per language ({@code masakhanews/data})
   * @param work scratch folder for the headline-less corpus file and the index
   * @param rankings the rankings to measure, by name (the shipped one first, usually)
   * @param half ask only this half of each language's headlines (every article is still indexed);
   *     null: ask them all
   * @param sample ask every {@code sample}-th of those headlines (1: all), for a quicker look
   */
  public static List<Report> run(Path data, Path work, Map<String, Ranking> rankings, Halves half, int sample)
      throws IOException {
    Map<String, List<Article>> byFolder = read(data);
    Path corpus = writeCorpus(byFolder, work.resolve("masakhane-corpus"));
    Map<String, Double> baseline = baseline(byFolder);
    Set<String> halfA = new java.util.HashSet<>();
    Map<String, List<Article>> asked = new LinkedHashMap<>();
    for (var e : byFolder.entrySet()) {
      Set<String> a = Halves.A.of(e.getValue().stream().map(Article::id).toList());
      halfA.addAll(a);
      // Sampled within each half, so a sample of both halves has some of each.
      List<Article> ask = new ArrayList<>();
      for (Halves h : half == null ? Halves.values() : new Halves[] {half}) {
        List<Article> inHalf = e.getValue().stream().filter(x -> a.contains(x.id()) == (h == Halves.A)).toList();
        IntStream.range(0, inHalf.size()).filter(i -> i % sample == 0).forEach(i -> ask.add(inHalf.get(i)));
      }
      asked.put(e.getKey(), ask);
    }
    List<Report> reports = new ArrayList<>();
    try (EvalIndex index = EvalIndex.build(work.resolve("masakhane-index"), List.of(corpus))) {
      int i = 0;
      for (var r : rankings.entrySet()) {
        try (SearchService service = index.search(r.getValue())) {
          Path perQuery = work.resolve("runs").resolve("masakhane-" + i++ + ".tsv");
          reports.add(measure(r.getKey(), asked, new UserPath(service, Map.of()), baseline, halfA, perQuery));
        }
      }
    }
    return reports;
  }

  /** Every headline asked; each query's reciprocal rank in both systems goes to {@code perQuery} (TSV). */
  private static Report measure(String name, Map<String, List<Article>> byFolder, UserPath path,
      Map<String, Double> baseline, Set<String> halfA, Path perQuery) throws IOException {
    List<Language> languages = new ArrayList<>();
    Files.createDirectories(perQuery.getParent());
    try (Writer w = Files.newBufferedWriter(perQuery, StandardCharsets.UTF_8)) {
      w.write("id\tlanguage\tstandard\tnewssearch\theadline\n");
      for (var e : byFolder.entrySet()) {
        languages.add(language(e.getKey(), e.getValue(), path, baseline, halfA, w));
      }
    }
    return new Report(name, languages, path.timedOut(), path.dated(), path.relaxed(), perQuery);
  }

  /**
   * One language's headlines asked, two at a time (the service is thread-safe, as under a server's
   * load; each query's answer does not depend on the others).
   */
  private static Language language(String folder, List<Article> articles, UserPath path, Map<String, Double> baseline,
      Set<String> halfA, Writer perQuery) throws IOException {
    double[] ranks = new double[articles.size()];
    try {
      IntStream.range(0, articles.size()).parallel().forEach(i -> {
        try {
          ranks[i] = reciprocalRank(path.ranked(articles.get(i).title(), KnownItemEvaluation.CUTOFF), articles.get(i).id());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Map<String, Double> rr = new LinkedHashMap<>();
    Map<String, Double> base = new LinkedHashMap<>();
    for (int i = 0; i < ranks.length; i++) {
      Article a = articles.get(i);
      rr.put(a.id(), ranks[i]);
      base.put(a.id(), baseline.get(a.id()));
      perQuery.write(String.format(java.util.Locale.ROOT, "%s\t%s\t%.4f\t%.4f\t%s%n", a.id(), a.language(),
          baseline.get(a.id()), ranks[i], a.title().replaceAll("\\s+", " ")));
    }
    return new Language(folder, articles.get(0).language(), articles.size(), mean(rr.values()),
        success(rr.values()), mean(base.values()), success(base.values()), QueryComparison.of(rr, base, 0),
        mean(only(rr, halfA, true).values()), mean(only(rr, halfA, false).values()),
        mean(only(base, halfA, true).values()), mean(only(base, halfA, false).values()));
  }

  static Map<String, List<Article>> read(Path data) throws IOException {
    List<Path> folders;
    try (Stream<Path> s = Files.list(data)) {
      folders = s.filter(Files::isDirectory).sorted().toList();
    }
    Map<String, List<Article>> out = new LinkedHashMap<>();
    for (Path folder : folders) {
      List<Article> articles = ParsedCorpus.read(List.of(folder)).articles().stream()
          .filter(a -> a.title() != null && !a.title().isBlank() && a.body() != null && !a.body().isBlank())
          .toList();
      if (!articles.isEmpty()) {
        out.put(folder.getFileName().toString(), articles);
      }
    }
    return out;
  }

  /** The articles without their headlines, as JSON Lines the indexer reads like any corpus. */
  private static Path writeCorpus(Map<String, List<Article>> byFolder, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("articles.jsonl");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (List<Article> articles : byFolder.values()) {
        for (Article a : articles) {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("id", a.id());
          line.put("url", a.url());
          line.put("text", a.body());
          line.put("language", a.language());
          line.put("tags", a.tags());
          line.put("source", a.source());
          w.write(JSON.writeValueAsString(line));
          w.write('\n');
        }
      }
    }
    return file;
  }

  /** Each headline's reciprocal rank in one StandardAnalyzer index of every language's texts. */
  private static Map<String, Double> baseline(Map<String, List<Article>> byFolder) throws IOException {
    Map<String, Double> rr = new LinkedHashMap<>();
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
        for (List<Article> articles : byFolder.values()) {
          for (Article a : articles) {
            Document d = new Document();
            d.add(new StringField(Schema.ID, a.id(), Store.YES));
            d.add(new TextField(Schema.BODY, a.body(), Store.NO));
            w.addDocument(d);
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        QueryParser parser = new QueryParser(Schema.BODY, new StandardAnalyzer());
        var stored = searcher.storedFields();
        for (List<Article> articles : byFolder.values()) {
          for (Article a : articles) {
            List<String> ids = new ArrayList<>();
            Query q = KnownItemEvaluation.plainWords(parser, a.title());
            for (ScoreDoc sd : searcher.search(q, KnownItemEvaluation.CUTOFF).scoreDocs) {
              ids.add(stored.document(sd.doc, Set.of(Schema.ID)).get(Schema.ID));
            }
            rr.put(a.id(), reciprocalRank(ids, a.id()));
          }
        }
      }
    }
    return rr;
  }

  static double reciprocalRank(List<String> ranked, String id) {
    int i = ranked.indexOf(id);
    return i < 0 || i >= KnownItemEvaluation.CUTOFF ? 0 : 1.0 / (i + 1);
  }

  /** The entries whose key is in {@code keys} ({@code in}) or not in it. */
  private static Map<String, Double> only(Map<String, Double> m, Set<String> keys, boolean in) {
    Map<String, Double> out = new LinkedHashMap<>(m);
    out.keySet().removeIf(k -> keys.contains(k) != in);
    return out;
  }

  /** The mean, NaN for none (a half that was not asked). */
  private static double mean(java.util.Collection<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  private static double success(java.util.Collection<Double> values) {
    return values.stream().filter(v -> v > 0).count() / (double) Math.max(1, values.size());
  }
}

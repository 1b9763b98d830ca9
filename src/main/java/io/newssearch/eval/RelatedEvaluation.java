package io.newssearch.eval;

import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.ingest.ParsedCorpus;
import io.newssearch.lucene.IndexHandle;
import io.newssearch.lucene.IndexLayout;
import io.newssearch.lucene.IndexView;
import io.newssearch.lucene.search.RelatedArticles;
import io.newssearch.lucene.search.RelatedArticles.Basis;
import io.newssearch.search.RelatedRequest;
import io.newssearch.search.SearchResult.Hit;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Related articles by words (MoreLikeThis, what the engine shipped before vectors), by meaning (the
 * nearest by vector) and both fused, on an index built with vectors. Judged by proxies, since
 * neither collection judges relatedness:
 *
 * <ul>
 *   <li>TIME 1963: for every judged query with two or more relevant articles, each relevant
 *       article's related articles are judged right when they are relevant to the same query.
 *   <li>MasakhaNEWS English: each article's related articles are judged right when they have its
 *       category (business, entertainment, health, politics, religion, sports, technology). The
 *       category is left out of the index (it is the articles' only tag, and MoreLikeThis reads
 *       tags), so it cannot favour one basis.
 * </ul>
 *
 * Per basis: precision at 5 and 10, the share of articles with a right one in the first 5, MRR@10.
 */
final class RelatedEvaluation {

  private static final int SIZE = 10;

  private RelatedEvaluation() {}

  /** An article and what counts as a right related article for it. */
  private record Case(String id, Predicate<String> right, int rightCount) {}

  static void time(Path collection, Path work, PrintStream print) throws IOException {
    Qrels qrels = Qrels.read(collection.resolve("qrels.txt"));
    // Prepared as the indexer prepares them (language, the title a reader derives from the first sentence).
    var preparer = io.newssearch.ingest.ArticlePreparer.standard();
    List<Article> articles = ParsedCorpus.read(List.of(collection.resolve("TIME.ALL"))).articles().stream()
        .map(a -> preparer.prepare(a)).filter(p -> p.problems().isEmpty()).map(p -> p.article()).toList();
    Path dir = work.resolve("time-related-index");
    MasakhaneUserPath.writeWithVectors(dir, articles);
    List<Case> cases = new ArrayList<>();
    for (String q : qrels.queryIds()) {
      Set<String> relevant = new HashSet<>();
      qrels.judgments(q).forEach((docno, grade) -> {
        if (grade > 0) {
          relevant.add(docno);
        }
      });
      if (relevant.size() < 2) {
        continue;
      }
      for (Article a : articles) {
        String docno = TimeEvaluation.docno(a.id());
        if (relevant.contains(docno)) {
          cases.add(new Case(a.id(), id -> !id.equals(a.id()) && relevant.contains(TimeEvaluation.docno(id)),
              relevant.size() - 1));
        }
      }
    }
    report("TIME 1963: articles relevant to one query (pairs: relevant article, its query)", dir, cases, print);
  }

  static void masakhane(Path folder, Path work, PrintStream print) throws IOException {
    List<Article> articles = ParsedCorpus.read(List.of(folder)).articles().stream()
        .filter(a -> a.body() != null && !a.body().isBlank() && !a.tags().isEmpty()).toList();
    Map<String, String> category = new LinkedHashMap<>();
    articles.forEach(a -> category.put(a.id(), a.tags().get(0)));
    Path dir = work.resolve("masakhane-related-" + folder.getFileName());
    MasakhaneUserPath.writeWithVectors(dir, articles.stream().map(a -> a.withTags(List.of())).toList());
    Map<String, Long> sizes = new LinkedHashMap<>();
    category.values().forEach(c -> sizes.merge(c, 1L, Long::sum));
    List<Case> cases = new ArrayList<>();
    for (Article a : articles) {
      String c = category.get(a.id());
      cases.add(new Case(a.id(), id -> !id.equals(a.id()) && c.equals(category.get(id)), (int) (sizes.get(c) - 1)));
    }
    report("MasakhaNEWS " + folder.getFileName() + ": same category as the article", dir, cases, print);
  }

  private static void report(String title, Path dir, List<Case> cases, PrintStream print) throws IOException {
    print.println("| " + title + " | cases | P@5 | P@10 | a right one in 5 | MRR@10 | ms per related (median) |");
    print.println("|---|---|---|---|---|---|---|");
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        IndexHandle handle = new IndexHandle(new IndexLayout(dir), IndexHandle.DEFAULT_REFRESH_INTERVAL)) {
      IndexView view = handle.acquire();
      try {
        for (Basis basis : Basis.values()) {
          RelatedArticles related = new RelatedArticles(analyzers, basis);
          double p5 = 0, p10 = 0, any5 = 0, rr = 0;
          List<Double> ms = new ArrayList<>();
          for (Case c : cases) {
            long start = System.nanoTime();
            List<String> ids = related.find(view, new RelatedRequest(c.id(), SIZE)).orElseThrow().stream()
                .map(Hit::id).toList();
            ms.add((System.nanoTime() - start) / 1e6);
            int right5 = 0, right10 = 0;
            double first = 0;
            for (int i = 0; i < ids.size(); i++) {
              if (c.right().test(ids.get(i))) {
                right10++;
                right5 += i < 5 ? 1 : 0;
                first = first == 0 ? 1.0 / (i + 1) : first;
              }
            }
            p5 += right5 / (double) Math.min(5, Math.max(1, c.rightCount()));
            p10 += right10 / (double) Math.min(SIZE, Math.max(1, c.rightCount()));
            any5 += right5 > 0 ? 1 : 0;
            rr += first;
          }
          int n = cases.size();
          print.printf(Locale.ROOT, "| %s%s | %d | %.4f | %.4f | %.4f | %.4f | %.2f |%n", basis.name().toLowerCase(Locale.ROOT),
              basis == RelatedArticles.SHIPPED ? " (shipped)" : "", n, p5 / n, p10 / n, any5 / n, rr / n,
              io.newssearch.bench.Measure.median(ms));
        }
      } finally {
        handle.release(view);
      }
    }
  }
}

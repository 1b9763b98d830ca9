package io.newssearch.alerts;

import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.index.IndexedArticle;
import io.newssearch.lucene.ArticleDocuments;
import io.newssearch.lucene.Schema;
import io.newssearch.lucene.search.ArticleSelection;
import io.newssearch.lucene.search.QueryFactory;
import io.newssearch.search.InvalidRequestException;
import io.newssearch.search.QueryChecker;
import io.newssearch.search.SearchLimits;
import io.newssearch.search.SearchRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.FixedBitSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every alert on one new article, for either engine: the article becomes the embedded
 * engine's document ({@link ArticleDocuments}) in a one-document in-memory index
 * ({@link MemoryIndex}), and each candidate alert's query — built as search builds it, by
 * {@link QueryFactory} and the same filters ({@link ArticleSelection}) — is run on it. Candidates
 * come from the presearcher of the article's language ({@link LanguageAlerts}), compiled on the
 * first article of that language after the alerts change. Thread-safe: indexing workers call it
 * concurrently.
 */
public final class AlertMatcher {

  private static final Logger log = LoggerFactory.getLogger(AlertMatcher.class);
  /** Stored-only and internal fields no query can name: not worth analysing again. */
  private static final Set<String> UNSEARCHED = Set.of(Schema.SPELL, Schema.STORY_BANDS, Schema.STORY_SIGNATURE,
      Schema.URL, Schema.STORY, Schema.ORIGIN);

  private final ArticleDocuments documents;
  private final QueryFactory queries;
  private final QueryChecker checker;
  /** The index writer's analyzer for the fields that are not title or body. */
  private final Analyzer fieldAnalyzer = Schema.queryAnalyzer(new StandardAnalyzer());
  private volatile Snapshot snapshot = new Snapshot(List.of());

  public AlertMatcher(LanguageAnalyzers analyzers) {
    this.documents = new ArticleDocuments(analyzers);
    this.queries = new QueryFactory(analyzers);
    this.checker = new QueryChecker(SearchLimits.DEFAULTS);
  }

  /** From now on, match these alerts. */
  public void load(List<Alert> alerts) {
    snapshot = new Snapshot(alerts);
  }

  public int size() {
    return snapshot.alerts.size();
  }

  /** The alerts the article matches. */
  public List<Alert> match(IndexedArticle article) throws IOException {
    Snapshot s = snapshot;
    if (s.alerts.isEmpty()) {
      return List.of();
    }
    LanguageAlerts alerts = s.forLanguage(article.article().language());
    if (alerts.size() == 0) {
      return List.of(); // no alert looks at this language: nothing to analyse
    }
    IndexSearcher searcher = memoryIndex(article, alerts.fields()).createSearcher();
    searcher.setQueryCache(null); // each query runs once on this one document: caching is pure cost
    LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
    FixedBitSet candidates = alerts.candidates(leaf.reader());
    List<Alert> out = new ArrayList<>();
    for (int n = candidates.nextSetBit(0); n != DocIdSetIterator.NO_MORE_DOCS;
        n = n + 1 < candidates.length() ? candidates.nextSetBit(n + 1) : DocIdSetIterator.NO_MORE_DOCS) {
      if (alerts.matches(n, searcher, leaf)) {
        out.add(alerts.alert(n));
      }
    }
    return out;
  }

  /**
   * The article's fields that the alerts read, as the embedded engine indexes them: analysing the
   * text of an article (its title, body and pieces) is most of matching, and an alert on a source
   * or a language reads none of it.
   */
  private MemoryIndex memoryIndex(IndexedArticle article, Set<String> read) {
    Document doc = documents.toDocument(article, article.id());
    MemoryIndex index = new MemoryIndex();
    for (IndexableField f : doc) {
      if (read.contains(f.name()) && !UNSEARCHED.contains(f.name())) {
        index.addField(f, fieldAnalyzer);
      }
    }
    index.freeze();
    return index;
  }

  /** One set of alerts and their per-language presearchers, built as articles of each language come. */
  private final class Snapshot {
    final List<Alert> alerts;
    final List<Parsed> parsed = new ArrayList<>();
    final ConcurrentHashMap<String, LanguageAlerts> byLanguage = new ConcurrentHashMap<>();

    record Parsed(Alert alert, SearchRequest request, io.newssearch.search.CheckedQuery query) {}

    Snapshot(List<Alert> alerts) {
      this.alerts = List.copyOf(alerts);
      for (Alert a : alerts) {
        try {
          SearchRequest r = a.request();
          parsed.add(new Parsed(a, r, checker.check(r.query(), r.strict(), r.matchAll())));
        } catch (InvalidRequestException e) {
          // Checked when it was made; only a change of the rules since can get here.
          log.warn("alert {} no longer parses and is skipped: {}", a.id(), e.getMessage());
        }
      }
    }

    LanguageAlerts forLanguage(String language) {
      return byLanguage.computeIfAbsent(language == null ? "und" : language, this::compile);
    }

    private LanguageAlerts compile(String language) {
      try {
        return compileOrFail(language);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private LanguageAlerts compileOrFail(String language) throws IOException {
      long start = System.nanoTime();
      LanguageAlerts out = new LanguageAlerts();
      for (Parsed p : parsed) {
        List<String> langs = p.request().languages();
        if (langs.isEmpty() || langs.contains(language)) {
          out.add(new LanguageAlerts.Compiled(p.alert(), ArticleSelection.of(queries, p.request(), p.query(), language)));
        }
      }
      log.info("alerts for language {}: {} compiled ({} rewritten ahead) in {} ms", language, out.size(),
          out.rewrittenAhead(), (System.nanoTime() - start) / 1_000_000);
      return out;
    }
  }
}

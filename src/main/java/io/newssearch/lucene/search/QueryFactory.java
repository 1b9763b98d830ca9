package io.newssearch.lucene.search;

import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.lucene.Schema;
import io.newssearch.search.CheckedQuery;
import io.newssearch.search.QueryChecker;
import io.newssearch.search.Ranking;
import io.newssearch.search.Recency;
import io.newssearch.search.SearchLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a {@link CheckedQuery} into a Lucene query, analysed for the languages it searches.
 *
 * <p>Each article's title and body were analysed with its own language's analyzer, so the query is
 * parsed once per distinct analyzer among the languages searched, and each parse is restricted to
 * the articles of its languages: "drills" is stemmed the English way for English articles, a
 * Russian word the Russian way for Russian ones. When every analysis gives the same query (no
 * text fields, or a single language), no per-language split is made.
 *
 * <p>Ranking ({@link Ranking}, measured in EVALUATION.md): BM25 over title (weighted) and body
 * plus a sloppy phrase per pair of neighbouring query words ({@link ProximityClauses}), and with the
 * index at hand languages weighted by how well the query's words fit them ({@link LanguageFit}). A
 * search by relevance then finds the top 50 articles by the words alone (the first search), and
 * rescores them: the proximity phrases, the words of the query's top articles ({@link
 * RelevanceFeedback}), the query's words in those articles' leads ({@link LeadWords}) and pieces of
 * them ({@link SubwordPieces}). Newest first, which none of these can reorder, keeps the phrases in
 * its query, so the scores it shows are the same. Options the
 * evaluation measured and left out of the default: each word one BM25F term over title and body
 * ({@link Bm25fParser}), one phrase of all the words, words weighted by rarity ({@link
 * IdfWeighting}).
 */
public final class QueryFactory {

  /** How the proximity phrases' part of a score is explained; {@code ScoreBreakdown} files what is under it by field. */
  private static final String PROXIMITY_LABEL = "proximity: neighbouring query words near each other";

  /** The per-field sum's fields, sorted so the clause order (and the query's cache key) is stable. */
  private static final String[] SUM_FIELDS = {Schema.BODY, Schema.TITLE};

  private final LanguageAnalyzers analyzers;
  private final QueryChecker checker;
  private final QueryGuard guard;
  private final Ranking ranking;
  private final Similarity similarity;
  private final Map<Analyzer, Analyzer> queryAnalyzers = new ConcurrentHashMap<>();

  public QueryFactory(LanguageAnalyzers analyzers) {
    this(analyzers, SearchLimits.DEFAULTS, Ranking.DEFAULT);
  }

  public QueryFactory(LanguageAnalyzers analyzers, Ranking ranking) {
    this(analyzers, SearchLimits.DEFAULTS, ranking);
  }

  /**
   * @param limits checked on the text by {@link #textQuery(String, boolean, boolean, Set)}
   * @param ranking the ranking settings (the defaults unless an evaluation varies them)
   */
  public QueryFactory(LanguageAnalyzers analyzers, SearchLimits limits, Ranking ranking) {
    this.analyzers = analyzers;
    this.checker = new QueryChecker(limits);
    this.guard = new QueryGuard(limits);
    this.ranking = ranking;
    this.similarity = FieldSimilarity.of(ranking);
  }

  /** Relevance multiplied by the {@link Recency} decay on age. */
  public static Query withRecency(Query q, Recency recency) {
    return new ScoreFactorQuery(q, new RecencyBoost(recency));
  }

  /**
   * The text checked ({@link QueryChecker}) and turned into a query without index statistics (no
   * term weighting, language fit or feedback): for tests of the query's shape.
   */
  public Query textQuery(String text, boolean strict, boolean matchAll, Set<String> languages) {
    return textQuery(checker.check(text, strict, matchAll), languages, null);
  }

  /** As {@link #textQuery(CheckedQuery, Set, IndexSearcher)} with the index's statistics. */
  public Query textQuery(String text, boolean strict, boolean matchAll, Set<String> languages,
      IndexSearcher searcher) {
    return textQuery(checker.check(text, strict, matchAll), languages, searcher);
  }

  /**
   * The scoring part of a search: the checked query for the given languages.
   *
   * @param languages languages to search (those requested, else those in the index)
   * @param searcher the index searched, whose statistics weight words and languages; null: none.
   *     With it, the query's wildcard parts are checked against the limits ({@link QueryGuard})
   * @throws io.newssearch.search.InvalidRequestException when a wildcard part expands too far
   */
  public Query textQuery(CheckedQuery query, Set<String> languages, IndexSearcher searcher) {
    return textQuery(query, languages, searcher, List.of(), true).query();
  }

  /**
   * As {@link #textQuery(CheckedQuery, Set, IndexSearcher)}, for a search with these filters.
   *
   * @param filters the request's filters: feedback's first search looks among the articles they let through
   * @param byScore false when the hits are not ordered by score (newest first): feedback, which only
   *     reorders, is then not worth its first search
   * @return the query, with the first search when its ranking rescores the top articles
   */
  public TextQuery textQuery(CheckedQuery query, Set<String> languages, IndexSearcher searcher, List<Query> filters,
      boolean byScore) {
    if (query.matchesAll()) {
      return new TextQuery(new MatchAllDocsQuery(), null);
    }
    try {
      return build(query, languages, searcher, filters, byScore);
    } catch (IOException e) {
      throw new UncheckedIOException("reading index statistics for the query", e);
    }
  }

  private TextQuery build(CheckedQuery query, Set<String> languages, IndexSearcher searcher, List<Query> filters,
      boolean byScore) throws IOException {
    Map<String, Set<String>> byKey = groupByAnalyzer(languages);
    // Each analyzer's parse, and the languages it searches; equal parses searched once.
    Map<Query, Set<String>> parsed = new LinkedHashMap<>();
    for (var group : byKey.entrySet()) {
      Query q = parse(query, analyzers.forKey(group.getKey()));
      if (searcher != null) {
        q = IdfWeighting.apply(q, searcher.getIndexReader(), ranking);
      }
      parsed.computeIfAbsent(q, k -> new TreeSet<>()).addAll(group.getValue());
    }
    Map<Query, Set<String>> branches = new LinkedHashMap<>();
    parsed.forEach((q, langs) -> branches.put(ProximityClauses.add(q, ranking), langs));
    if (searcher == null) {
      return new TextQuery(anyBranch(branches), null);
    }
    // Before the index is searched for the language fit and feedback, not after.
    guard.checkExpansions(anyBranch(branches), searcher.getIndexReader());
    Map<String, Float> weights = ranking.languageFit() > 0
        ? LanguageFit.weights(parsed, searcher, ranking.languageFit()) : Map.of();
    Query ranked = weighted(branches, weights);
    TextQuery parts = new TextQuery(ranked, null, byLanguage(branches), anyBranch(branches));
    boolean feedback = ranking.feedback().on();
    boolean subwords = ranking.subwords() > 0;
    boolean lead = ranking.lead().on();
    Map<Query, Set<String>> phrases = proximityPhrases(parsed);
    if (!byScore || !(feedback || subwords || lead || !phrases.isEmpty())) {
      return parts; // each only reorders the top articles: nothing to do for newest first
    }
    // The words alone find the first search's articles, and the proximity phrases rescore them
    // with the rest: a sloppy phrase scored beside every match was most of a two-word search's cost.
    ranked = weighted(parsed, weights);
    // Scored as the search will score it, so the stored scores are the ones it would compute.
    IndexSearcher scoring = FieldSimilarity.apply(new IndexSearcher(searcher.getIndexReader()), similarity);
    int n = Math.max(feedback ? RelevanceFeedback.candidates(ranking.feedback()) : 0, Ranking.RESCORED_CANDIDATES);
    // One first search, with the request's filters, gives both their candidates; past n matches
    // it skips what cannot enter the top n (no count of every match is needed).
    ScoreDoc[] first = scoring.search(Filters.apply(ranked, filters), new TopScoreDocCollectorManager(n, n)).scoreDocs;
    if (first.length == 0) {
      return parts;
    }
    ScoreDoc[] top = Arrays.copyOf(first, Math.min(first.length, Ranking.RESCORED_CANDIDATES));
    Query near = phrases.isEmpty() ? null : LanguageWeights.apply(
        RescoringWords.onCandidates(PROXIMITY_LABEL, ownLanguages(phrases, parsed), scoring, top), weights);
    BooleanQuery.Builder rescored = new BooleanQuery.Builder().add(ranked, Occur.MUST);
    if (near != null) {
      rescored.add(near, Occur.SHOULD);
    }
    // A query of exclusions alone scores every article alike: no article to learn words from.
    if (feedback && !query.exclusionsOnly()) {
      int words = ProximityClauses.positiveBodyTerms(parsed.keySet().iterator().next()).size();
      // Its words come from the best articles by the words and their nearness together, as when
      // the phrases were scored in the first search: on MasakhaNEWS, taking them by the words
      // alone lost 0.004 MRR@10 (French headlines 0.039).
      ScoreDoc[] best = near == null ? first
          : scoring.search(RankedDocsQuery.among(searcher.getIndexReader(), first, rescored.build()), first.length).scoreDocs;
      Query added = RelevanceFeedback.words(best, scoring, analyzers, ranking, byKey, words);
      if (added != null) {
        // Weighted by language as the query is.
        rescored.add(LanguageWeights.apply(added, weights), Occur.SHOULD);
      }
    }
    if (subwords) {
      Query pieces = SubwordPieces.scores(query, analyzers.forKey(LanguageAnalyzers.FALLBACK_KEY), top, scoring,
          ranking.subwords());
      if (pieces != null) {
        rescored.add(LanguageWeights.apply(pieces, weights), Occur.SHOULD);
      }
    }
    if (lead) {
      Query words = LeadWords.scores(parsed, top, scoring, ranking.lead());
      if (words != null) {
        rescored.add(LanguageWeights.apply(words, weights), Occur.SHOULD);
      }
    }
    return parts.withFirst(rescored.build(), new FirstSearch(first, n));
  }

  /** Each branch's proximity phrases ({@link ProximityClauses#phrases}) and its languages; empty when none has any. */
  private Map<Query, Set<String>> proximityPhrases(Map<Query, Set<String>> parsed) {
    Map<Query, Set<String>> out = new LinkedHashMap<>();
    parsed.forEach((q, langs) -> {
      Query phrases = ProximityClauses.phrases(q, ranking);
      if (phrases != null) {
        out.computeIfAbsent(phrases, k -> new TreeSet<>()).addAll(langs);
      }
    });
    return out;
  }

  /**
   * The phrases as any of them, each restricted to its languages unless one set of phrases serves
   * every language searched: a language whose parse has no phrase (one word left after its
   * stopwords) gets none from another's.
   */
  private static Query ownLanguages(Map<Query, Set<String>> phrases, Map<Query, Set<String>> parsed) {
    boolean every = phrases.size() == 1 && phrases.values().iterator().next().size()
        == parsed.values().stream().mapToInt(Set::size).sum();
    if (every) {
      return phrases.keySet().iterator().next();
    }
    List<Query> any = new ArrayList<>();
    phrases.forEach((q, langs) -> any.add(restricted(q, langs)));
    return any.size() == 1 ? any.get(0) : new DisjunctionMaxQuery(any, 0f);
  }

  /** The branches as any of them, each language's articles multiplied by its weight (none: as they are). */
  private static Query weighted(Map<Query, Set<String>> branches, Map<String, Float> weights) {
    return weights.isEmpty() ? anyBranch(branches) : LanguageWeights.applyPerBranch(branches, weights);
  }

  /** Each language's branch, when there are several. */
  private static Map<String, Query> byLanguage(Map<Query, Set<String>> branches) {
    Map<String, Query> out = new HashMap<>();
    if (branches.size() > 1) {
      branches.forEach((q, langs) -> langs.forEach(lang -> out.put(lang, q)));
    }
    return out;
  }

  /**
   * One branch as it is; several as any of them, each restricted to its languages. An article is in
   * one language, so it matches one branch at most and the best branch's score is its score: as a
   * dis-max (no tie-break), each branch can skip what cannot reach the page on its own, where a sum
   * of branches would have to assume an article might collect the best score of every branch.
   */
  private static Query anyBranch(Map<Query, Set<String>> branches) {
    if (branches.size() == 1) {
      return branches.keySet().iterator().next();
    }
    List<Query> any = new ArrayList<>();
    branches.forEach((q, langs) -> any.add(restricted(q, langs)));
    return new DisjunctionMaxQuery(any, 0f);
  }

  /** {@code q} for the articles of these languages only. */
  static Query restricted(Query q, Set<String> languages) {
    return new BooleanQuery.Builder().add(q, Occur.MUST).add(languageFilter(languages), Occur.FILTER).build();
  }

  /**
   * Articles in one of these languages. Beside a text query it checks each candidate's language in
   * doc values instead of listing every article of those languages (a language can hold half the
   * index): Lucene chooses per segment ({@code IndexOrDocValuesQuery}).
   */
  public static Query languageFilter(Set<String> languages) {
    return KeywordField.newSetQuery(Schema.LANGUAGE, languages.stream().map(BytesRef::new).toList());
  }

  /** The languages searched by analyzer key, in a stable order ("und" when none is known). */
  private Map<String, Set<String>> groupByAnalyzer(Set<String> languages) {
    Map<String, Set<String>> groups = new TreeMap<>();
    Set<String> langs = languages.isEmpty() ? Set.of("und") : languages;
    for (String lang : langs) {
      groups.computeIfAbsent(analyzers.analyzerKey(lang), k -> new TreeSet<>()).add(lang);
    }
    return groups;
  }

  /** The checked text parsed with one language's analyzer; its syntax is known to be valid. */
  private Query parse(CheckedQuery query, Analyzer textAnalyzer) {
    Analyzer analyzer = queryAnalyzers.computeIfAbsent(textAnalyzer, Schema::queryAnalyzer);
    try {
      QueryParser parser = ranking.fields() == Ranking.Fields.BM25F
          ? Bm25fParser.of(analyzer, ranking, query.matchAll())
          : QueryChecker.newParser(SUM_FIELDS, analyzer, Map.of(Schema.TITLE, ranking.titleWeight(), Schema.BODY, 1f),
              query.matchAll());
      return parser.parse(query.text());
    } catch (ParseException e) {
      // The checker parsed the same text with the same syntax; an analyzer cannot make it invalid.
      return new MatchNoDocsQuery("unparseable after checking: " + e.getMessage());
    }
  }
}

package io.newssearch.lucene.search;

import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.lucene.Schema;
import io.newssearch.search.CheckedQuery;
import io.newssearch.search.QueryChecker;
import io.newssearch.search.Ranking;
import io.newssearch.search.Recency;
import io.newssearch.search.SearchLimits;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermInSetQuery;
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
 * <p>Ranking: BM25 over title (weighted) and body, plus a proximity boost — a sloppy phrase of the
 * query's words in the body — so documents where the words occur close together rank higher.
 */
public final class QueryFactory {

  private final LanguageAnalyzers analyzers;
  private final QueryChecker checker;
  private final Ranking ranking;
  private final Map<Analyzer, Analyzer> queryAnalyzers = new ConcurrentHashMap<>();

  public QueryFactory(LanguageAnalyzers analyzers) {
    this(analyzers, SearchLimits.DEFAULTS, Ranking.DEFAULT);
  }

  public QueryFactory(LanguageAnalyzers analyzers, Ranking ranking) {
    this(analyzers, SearchLimits.DEFAULTS, ranking);
  }

  /**
   * @param limits checked on the text by {@link #textQuery(String, boolean, boolean, Set)}
   * @param ranking title weight and proximity (the defaults unless an evaluation varies them)
   */
  public QueryFactory(LanguageAnalyzers analyzers, SearchLimits limits, Ranking ranking) {
    this.analyzers = analyzers;
    this.checker = new QueryChecker(limits);
    this.ranking = ranking;
  }

  /** Relevance multiplied by the {@link Recency} decay on age. */
  public static Query withRecency(Query q, Recency recency) {
    return FunctionScoreQuery.boostByValue(q, new RecencyBoost(recency));
  }

  /** The text checked ({@link QueryChecker}) and turned into a query: for evaluations and tests. */
  public Query textQuery(String text, boolean strict, boolean matchAll, Set<String> languages) {
    return textQuery(checker.check(text, strict, matchAll), languages);
  }

  /**
   * The scoring part of a search: the checked query for the given languages.
   *
   * @param languages languages to search (those requested, else those in the index)
   */
  public Query textQuery(CheckedQuery query, Set<String> languages) {
    if (query.matchesAll()) {
      return new MatchAllDocsQuery();
    }
    Map<Query, Set<String>> branches = new LinkedHashMap<>();
    for (var group : groupByAnalyzer(languages).entrySet()) {
      Query q = withProximity(parse(query, group.getKey()));
      branches.computeIfAbsent(q, k -> new TreeSet<>()).addAll(group.getValue());
    }
    if (branches.size() == 1) {
      return branches.keySet().iterator().next();
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (var branch : branches.entrySet()) {
      any.add(new BooleanQuery.Builder()
          .add(branch.getKey(), Occur.MUST)
          .add(languageFilter(branch.getValue()), Occur.FILTER)
          .build(), Occur.SHOULD);
    }
    return any.build();
  }

  public static Query languageFilter(Set<String> languages) {
    List<BytesRef> terms = languages.stream().map(BytesRef::new).toList();
    return new TermInSetQuery(Schema.LANGUAGE, terms);
  }

  private Map<Analyzer, Set<String>> groupByAnalyzer(Set<String> languages) {
    Map<Analyzer, Set<String>> groups = new IdentityHashMap<>();
    Set<String> langs = languages.isEmpty() ? Set.of("und") : languages;
    for (String lang : langs) {
      groups.computeIfAbsent(analyzers.forLanguage(lang), a -> new TreeSet<>()).add(lang);
    }
    return groups;
  }

  /** The checked text parsed with one language's analyzer; its syntax is known to be valid. */
  private Query parse(CheckedQuery query, Analyzer textAnalyzer) {
    Analyzer analyzer = queryAnalyzers.computeIfAbsent(textAnalyzer, Schema::queryAnalyzer);
    // Sorted, so the clause order (and with it the query's cache key) is stable.
    String[] fields = new TreeSet<>(ranking.fieldBoosts().keySet()).toArray(String[]::new);
    try {
      return QueryChecker.newParser(fields, analyzer, ranking.fieldBoosts(), query.matchAll()).parse(query.text());
    } catch (ParseException e) {
      // The checker parsed the same text with the same syntax; an analyzer cannot make it invalid.
      return new MatchNoDocsQuery("unparseable after checking: " + e.getMessage());
    }
  }

  /** Adds the proximity clause when the query has two or more positive body words. */
  Query withProximity(Query q) {
    List<Term> terms = positiveBodyTerms(q);
    if (terms.size() < 2 || ranking.proximityBoost() == 0) {
      return q;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, Occur.MUST);
    if (ranking.pairwiseProximity()) {
      for (int i = 0; i + 1 < terms.size(); i++) {
        b.add(new BoostQuery(sloppyPhrase(terms.subList(i, i + 2)), ranking.proximityBoost()), Occur.SHOULD);
      }
    } else {
      b.add(new BoostQuery(sloppyPhrase(terms), ranking.proximityBoost()), Occur.SHOULD);
    }
    return b.build();
  }

  private static Query sloppyPhrase(List<Term> terms) {
    PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(Ranking.PROXIMITY_SLOP);
    for (int i = 0; i < terms.size(); i++) {
      phrase.add(terms.get(i), i);
    }
    return phrase.build();
  }

  /** Body words of the query in the order they were typed (the proximity phrase needs that order). */
  private static List<Term> positiveBodyTerms(Query q) {
    Set<Term> terms = new LinkedHashSet<>();
    collectBodyTerms(q, terms);
    return terms.size() > 16 ? List.of() : new ArrayList<>(terms);
  }

  /**
   * Walks Boolean clauses in their list order: a QueryVisitor visits them grouped by Occur in
   * hash order, which scrambled the words and made the proximity phrase cost extra slop.
   */
  private static void collectBodyTerms(Query q, Set<Term> out) {
    switch (q) {
      case BooleanQuery b -> {
        for (BooleanClause c : b.clauses()) {
          if (c.occur() != Occur.MUST_NOT) {
            collectBodyTerms(c.query(), out);
          }
        }
      }
      case BoostQuery b -> collectBodyTerms(b.getQuery(), out);
      default -> q.visit(new QueryVisitor() {
        @Override
        public QueryVisitor getSubVisitor(Occur occur, Query parent) {
          return occur == Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
        }

        @Override
        public void consumeTerms(Query query, Term... ts) {
          for (Term t : ts) {
            if (t.field().equals(Schema.BODY)) {
              out.add(t);
            }
          }
        }
      });
    }
  }
}

package io.newssearch.lucene.search;

import io.newssearch.search.Recency;
import io.newssearch.search.InvalidRequestException;
import io.newssearch.search.Ranking;
import io.newssearch.search.SearchLimits;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.lucene.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Turns the text of a query into a Lucene query, analysed for the languages it searches.
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

  /** Words of the query within this many positions of each other earn the proximity boost. */
  public static final int PROXIMITY_SLOP = 8;
  /** Weight of the proximity clause relative to the plain BM25 clauses. */
  public static final float PROXIMITY_BOOST = 1.0f;
  /** Fields a user may name in a query (title:, body:, ...). */
  public static final Set<String> QUERYABLE_FIELDS = Set.of(
      Schema.TITLE, Schema.BODY, Schema.TAGS, Schema.SOURCE, Schema.LANGUAGE, Schema.AUTHOR, Schema.ID);

  private static final Pattern OPERATOR_WORDS = Pattern.compile("\\b(AND|OR|NOT)\\b");
  /**
   * A question mark ending a word ("why prices rise?") is punctuation, not the one-character
   * wildcard, which would demand one more letter and miss the word itself. Found by the
   * MasakhaNEWS known-item evaluation (EVALUATION.md): headlines asked as queries.
   */
  private static final Pattern TRAILING_QUESTION_MARK = Pattern.compile("(?<=[^\\s\\\\])\\?+(?=\\s|$)");

  private final LanguageAnalyzers analyzers;
  private final QueryGuard guard;
  private final Ranking ranking;
  private final Map<Analyzer, Analyzer> queryAnalyzers = new ConcurrentHashMap<>();

  public QueryFactory(LanguageAnalyzers analyzers) {
    this(analyzers, SearchLimits.DEFAULTS, Ranking.DEFAULT);
  }

  public QueryFactory(LanguageAnalyzers analyzers, Ranking ranking) {
    this(analyzers, SearchLimits.DEFAULTS, ranking);
  }

  /**
   * @param limits length and clause limits, checked on every parse (a 400 naming the limit)
   * @param ranking title weight and proximity (the defaults unless an evaluation varies them)
   */
  public QueryFactory(LanguageAnalyzers analyzers, SearchLimits limits, Ranking ranking) {
    this.analyzers = analyzers;
    this.guard = new QueryGuard(limits);
    this.ranking = ranking;
  }

  /** Relevance multiplied by the {@link Recency} decay on age. */
  public static Query withRecency(Query q, Recency recency) {
    return FunctionScoreQuery.boostByValue(q, new RecencyBoost(recency));
  }

  /**
   * The scoring part of a search: the user's query for the given languages.
   *
   * @param languages languages to search (those requested, else those in the index)
   */
  public Query textQuery(String text, boolean strict, boolean matchAll, Set<String> languages) {
    if (text == null || text.isBlank()) {
      return new MatchAllDocsQuery();
    }
    guard.checkLength(text);
    Map<Analyzer, Set<String>> groups = groupByAnalyzer(languages);
    Map<Query, Set<String>> branches = new LinkedHashMap<>();
    for (var group : groups.entrySet()) {
      Query parsed = parse(text, strict, matchAll, group.getKey()).query();
      guard.checkShape(parsed);
      Query q = withProximity(parsed);
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

  /**
   * The query text a backend that parses queries itself (SolrCloud) should search: checked exactly
   * as {@link #textQuery} checks it (length, strict syntax, unknown fields, clause count, regular
   * expressions without a literal start), so both backends refuse the same queries with the same
   * messages. It is the text as typed (a trailing '?' dropped when lenient), or, when lenient
   * parsing had to fall back to plain words, those words with every syntax character escaped.
   */
  public String checkedText(String text, boolean strict, boolean matchAll, Set<String> languages) {
    if (text == null || text.isBlank()) {
      return "";
    }
    guard.checkLength(text);
    boolean plain = false;
    for (Analyzer analyzer : groupByAnalyzer(languages).keySet()) {
      Parsed parsed = parse(text, strict, matchAll, analyzer);
      guard.checkShape(parsed.query());
      plain |= parsed.plain();
    }
    String cleaned = strict ? text : TRAILING_QUESTION_MARK.matcher(text).replaceAll("");
    return plain ? plainWords(cleaned) : cleaned;
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

  /** A parse, and whether it had to fall back to the text as plain words. */
  private record Parsed(Query query, boolean plain) {}

  /** Strict: syntax errors are reported. Lenient: they are retried as plain words. */
  private Parsed parse(String text, boolean strict, boolean matchAll, Analyzer textAnalyzer) {
    Analyzer analyzer = queryAnalyzers.computeIfAbsent(textAnalyzer, Schema::queryAnalyzer);
    if (!strict) {
      text = TRAILING_QUESTION_MARK.matcher(text).replaceAll("");
    }
    try {
      Query q = newParser(analyzer, matchAll).parse(text);
      checkFields(q, strict);
      return new Parsed(q, false);
    } catch (ParseException | UnknownFieldException e) {
      if (strict) {
        throw new InvalidRequestException("query_syntax", "cannot parse query: " + describe(e));
      }
      return new Parsed(parseAsPlainWords(text, analyzer, matchAll), true);
    }
  }

  /** The text with operators lowercased (plain words) and every syntax character escaped. */
  private static String plainWords(String text) {
    return QueryParser.escape(OPERATOR_WORDS.matcher(text).replaceAll(m -> m.group().toLowerCase()));
  }

  private Query parseAsPlainWords(String text, Analyzer analyzer, boolean matchAll) {
    String escaped = plainWords(text);
    try {
      return newParser(analyzer, matchAll).parse(escaped);
    } catch (ParseException e) {
      // Escaping removes every syntax character, so this is not expected; match nothing rather than fail.
      return new BooleanQuery.Builder().build();
    }
  }

  private QueryParser newParser(Analyzer analyzer, boolean matchAll) {
    // Sorted, so the clause order (and with it the query's cache key) is stable.
    MultiFieldQueryParser parser = new MultiFieldQueryParser(
        new TreeSet<>(ranking.fieldBoosts().keySet()).toArray(String[]::new), analyzer,
        ranking.fieldBoosts());
    parser.setDefaultOperator(matchAll ? QueryParser.Operator.AND : QueryParser.Operator.OR);
    // A leading wildcard would scan the whole term dictionary.
    parser.setAllowLeadingWildcard(false);
    parser.setSplitOnWhitespace(true);
    return parser;
  }

  private static void checkFields(Query q, boolean strict) throws UnknownFieldException {
    Set<String> unknown = new TreeSet<>();
    q.visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String field) {
        if (!QUERYABLE_FIELDS.contains(field)) {
          unknown.add(field);
        }
        return true;
      }
    });
    if (!unknown.isEmpty()) {
      throw new UnknownFieldException("unknown field " + unknown + "; fields are "
          + new TreeSet<>(QUERYABLE_FIELDS));
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
    PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(PROXIMITY_SLOP);
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

  private static String describe(Exception e) {
    String msg = e.getMessage() == null ? e.toString() : e.getMessage();
    // QueryParser messages end with a long list of expected tokens; the first line says what and where.
    int nl = msg.indexOf('\n');
    return (nl > 0 ? msg.substring(0, nl) : msg).replace("Cannot parse '", "'").strip();
  }

  private static final class UnknownFieldException extends Exception {
    UnknownFieldException(String message) {
      super(message);
    }
  }
}

package io.newssearch.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Checks the text of a search once, for every engine, against the query language (Lucene's classic
 * syntax, which both engines speak) and the {@link SearchLimits}: its length, its syntax when
 * strict, the fields it names, how many clauses it becomes and whether a regular expression could
 * start anywhere in the term dictionary. Lenient queries with malformed syntax are searched as
 * plain words. The result, a {@link CheckedQuery}, is what each engine turns into its own query.
 *
 * <p>Clauses are counted with plain Unicode words (a word counts once per default field it
 * searches), the same for every language; an engine's own analysis may split a word further, and
 * it refuses what it cannot run itself (too many expansions of a wildcard).
 */
public final class QueryChecker {

  public static final String TITLE = "title";
  public static final String BODY = "body";
  /** Fields a user may name in a query (title:, body:, ...). */
  public static final Set<String> QUERYABLE_FIELDS = Set.of(TITLE, BODY, "tags", "source", "language", "author", "id");
  /** Fields a word without a field searches. */
  public static final List<String> DEFAULT_FIELDS = List.of(BODY, TITLE);

  private static final Pattern OPERATOR_WORDS = Pattern.compile("\\b(AND|OR|NOT)\\b");
  /** {@code *} standing alone among other words: every article, as {@code *:*} says it. */
  private static final Pattern LONE_STAR = Pattern.compile("(?<=^|\\s)\\*(?=$|\\s)");
  /**
   * A question mark ending a word ("why prices rise?") is punctuation, not the one-character
   * wildcard, which would demand one more letter and miss the word itself. Found by the
   * MasakhaNEWS known-item evaluation (EVALUATION.md): headlines asked as queries.
   */
  private static final Pattern TRAILING_QUESTION_MARK = Pattern.compile("(?<=[^\\s\\\\])\\?+(?=\\s|$)");
  /** Words for counting; exact values where the field is a code. */
  private static final Analyzer ANALYZER = new PerFieldAnalyzerWrapper(new StandardAnalyzer(),
      Map.of("language", new KeywordAnalyzer(), "id", new KeywordAnalyzer()));

  private final SearchLimits limits;

  public QueryChecker(SearchLimits limits) {
    this.limits = limits;
  }

  public SearchLimits limits() {
    return limits;
  }

  /**
   * @param strict true: malformed syntax or an unknown field is an error; false: the text is then
   *     searched as plain words
   * @throws InvalidRequestException naming the problem (syntax, length, clauses, regular expression)
   */
  public CheckedQuery check(String text, boolean strict, boolean matchAll) {
    if (text == null || text.isBlank()) {
      return new CheckedQuery("", matchAll, false);
    }
    if (text.length() > limits.maxQueryChars()) {
      throw InvalidRequestException.parameter("q", "is " + text.length()
          + " characters long; the limit is " + limits.maxQueryChars());
    }
    String cleaned = strict ? text : TRAILING_QUESTION_MARK.matcher(text).replaceAll("");
    checkRegexpSizes(cleaned);
    CheckedQuery everyArticleBut = starBeforeExclusions(cleaned, matchAll);
    if (everyArticleBut != null) {
      return everyArticleBut;
    }
    try {
      Query q = parse(newParser(matchAll), cleaned);
      checkFields(q);
      checkShape(q);
      return checked(q, cleaned, matchAll);
    } catch (ParseException | UnknownFieldException e) {
      if (strict) {
        throw new InvalidRequestException("query_syntax", "cannot parse query: " + describe(e));
      }
      String plain = plainWords(cleaned);
      try {
        checkShape(newParser(matchAll).parse(plain));
      } catch (ParseException cannotHappen) {
        // Escaping removes every syntax character; nothing left to check.
      }
      return new CheckedQuery(plain, matchAll, true);
    }
  }

  /**
   * {@code * -oil}, as Elasticsearch and Solr users type it: every article but those. A {@code *}
   * beside words to find means nothing the syntax allows (a wildcard needs a prefix), and such a
   * query goes on as before; null when the text is not of this shape.
   */
  private CheckedQuery starBeforeExclusions(String text, boolean matchAll) {
    String rest = LONE_STAR.matcher(text).replaceAll("").strip();
    if (rest.equals(text.strip()) || rest.isEmpty()) {
      return null;
    }
    try {
      Query q = parse(newParser(matchAll), rest);
      CheckedQuery c = checked(q, rest, matchAll);
      if (c.exclusionsOnly()) {
        checkFields(q);
        checkShape(q);
        return c;
      }
    } catch (ParseException | UnknownFieldException e) {
      // not of this shape: checked as typed
    }
    return null;
  }

  /**
   * The checked query; one of exclusions alone ({@code -oil}, {@code NOT oil}) as every article but
   * those, as Elasticsearch and Solr read it: Lucene's parse of it would match nothing.
   */
  private static CheckedQuery checked(Query q, String text, boolean matchAll) {
    if (!(q instanceof BooleanQuery b) || b.clauses().stream().noneMatch(c -> c.occur() == Occur.MUST_NOT)
        || !b.clauses().stream().allMatch(c -> c.occur() == Occur.MUST_NOT || c.query() instanceof MatchAllDocsQuery)) {
      return new CheckedQuery(text, matchAll, false);
    }
    boolean everything = b.clauses().stream().anyMatch(c -> c.query() instanceof MatchAllDocsQuery);
    return new CheckedQuery(everything ? text : "*:* " + text, matchAll, false, true);
  }

  /** A parser of the query language over the default fields; engines configure theirs the same way. */
  public static QueryParser newParser(String[] fields, Analyzer analyzer, Map<String, Float> boosts, boolean matchAll) {
    return configure(new MultiFieldQueryParser(fields, analyzer, boosts), matchAll);
  }

  /** Sets an engine's own parser to read the syntax as the checker reads it. */
  public static <P extends QueryParser> P configure(P parser, boolean matchAll) {
    parser.setDefaultOperator(matchAll ? QueryParser.Operator.AND : QueryParser.Operator.OR);
    // A leading wildcard would scan the whole term dictionary.
    parser.setAllowLeadingWildcard(false);
    parser.setSplitOnWhitespace(true);
    return parser;
  }

  private static QueryParser newParser(boolean matchAll) {
    return newParser(DEFAULT_FIELDS.toArray(String[]::new), ANALYZER, null, matchAll);
  }

  /**
   * Parses, treating a malformed {@code /regular expression/} as the syntax error it is: Lucene's
   * RegExp refuses one with an IllegalArgumentException that the query parser passes through, which
   * became a 500 ({@code /e[gx/}; found by QueryFuzzTest).
   */
  private static Query parse(QueryParser parser, String text) throws ParseException {
    try {
      return parser.parse(text);
    } catch (TooComplexToDeterminizeException e) {
      throw tooComplex(e.getRegExp() == null ? text : e.getRegExp().getOriginalString());
    } catch (IllegalArgumentException badRegex) {
      ParseException e = new ParseException("invalid regular expression in '" + text + "': " + badRegex.getMessage());
      e.initCause(badRegex);
      throw e;
    }
  }

  /** The text with operators lowercased (plain words) and every syntax character escaped. */
  static String plainWords(String text) {
    return QueryParser.escape(OPERATOR_WORDS.matcher(text).replaceAll(m -> m.group().toLowerCase()));
  }

  private static void checkFields(Query q) throws UnknownFieldException {
    Set<String> unknown = unknownFields(q);
    if (!unknown.isEmpty()) {
      throw new UnknownFieldException("unknown field " + unknown + "; fields are "
          + new TreeSet<>(QUERYABLE_FIELDS));
    }
  }

  /** The fields a parsed query names that a user may not search. */
  static Set<String> unknownFields(Query q) {
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
    return unknown;
  }

  /**
   * Before any parse, which builds each regular expression's automaton as it reads it: one of
   * nested repetitions would take seconds or the whole heap. Refused in either mode, like a
   * regular expression without a literal start (plain words cannot hold its meaning).
   */
  private static void checkRegexpSizes(String text) {
    QueryTokens.oversizedRegexp(QueryTokens.of(text).tokens()).ifPresent(r -> {
      throw tooComplex(r);
    });
  }

  private static InvalidRequestException tooComplex(String regexp) {
    return new InvalidRequestException("regexp_too_complex", "the regular expression /" + regexp
        + "/ is too complex to search (it repeats repetitions); simplify it");
  }

  /** Clause count and regular expressions. */
  private void checkShape(Query parsed) {
    int[] clauses = {0};
    List<RegexpQuery> regexps = new ArrayList<>();
    parsed.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(Occur occur, Query parent) {
        return this;
      }

      @Override
      public void consumeTerms(Query query, Term... terms) {
        clauses[0]++;
      }

      @Override
      public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
        clauses[0]++;
        if (query instanceof RegexpQuery r) {
          regexps.add(r);
        }
      }

      @Override
      public void visitLeaf(Query query) {
        clauses[0]++;
      }
    });
    if (clauses[0] > limits.maxClauses()) {
      throw new InvalidRequestException("too_many_clauses", "the query has " + clauses[0]
          + " clauses (a word counts once per field it searches: title and body); the limit is "
          + limits.maxClauses());
    }
    for (RegexpQuery r : regexps) {
      // Like a leading wildcard: without a literal start the regex walks the whole term dictionary.
      if (Operations.getCommonPrefix(((AutomatonQuery) r).getAutomaton()).isEmpty()) {
        throw new InvalidRequestException("regexp_without_prefix", "the regular expression /"
            + r.getRegexp().text() + "/ must start with at least one literal character");
      }
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

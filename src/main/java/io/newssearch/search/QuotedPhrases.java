package io.newssearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * The quoted phrases a query asks for, and the same query with them searched as words: what
 * {@link QuotedPhraseFallback} searches when no article holds a phrase exactly as quoted (a pasted
 * headline's quotation, paraphrased or spelt otherwise in the article).
 *
 * <p>Read with the query language's own parser, configured as {@link QueryChecker} configures it,
 * so a phrase is found where the engines find one: not an escaped quote, not a quote inside a
 * range. Only phrases an article must or may match are relaxed: loosening one inside {@code -},
 * {@code NOT} or a negated group would exclude more articles, not find more. The text is rewritten
 * only where the lexer says each phrase stands, so everything else stays as typed; a phrase keeps
 * its field ({@code title:"a b"} becomes {@code title:(a b)}) and loses its slop ({@code ~3}).
 */
public final class QuotedPhrases {

  /** The phrases a search found nothing for as quoted, and searched as words instead. */
  public record Relaxed(List<String> phrases) {
    public Relaxed {
      phrases = List.copyOf(phrases);
    }
  }

  /**
   * A query with its phrases as words, and what that relaxed.
   *
   * @param query the text to search instead, in the same syntax
   */
  public record Relaxation(String query, Relaxed relaxed) {}

  /** Counts a phrase's words: one word in quotes is searched the same without them. */
  private static final Analyzer WORDS = new StandardAnalyzer();
  /** What separates tokens in the query language. */
  private static final String LEXER_SPACE = " \t\n\r\u3000";
  /** Tokens before a phrase that bind it to something, so its words must stay one group. */
  private static final Set<Integer> BINDS_BEFORE = Set.of(QueryParserConstants.COLON, QueryParserConstants.PLUS,
      QueryParserConstants.AND, QueryParserConstants.OR);
  private static final Set<Integer> BINDS_AFTER = Set.of(QueryParserConstants.CARAT, QueryParserConstants.AND,
      QueryParserConstants.OR);

  private QuotedPhrases() {}

  /**
   * The query with its positive phrases of two or more words as words; empty when it has none, or
   * when its syntax is malformed (a lenient search then searched it as plain words already).
   */
  public static Optional<Relaxation> relax(String query, boolean matchAll) {
    if (query == null || query.indexOf('"') < 0) {
      return Optional.empty();
    }
    QueryTokens.Lexed lexed = QueryTokens.of(query);
    if (!lexed.complete() || QueryTokens.oversizedRegexp(lexed.tokens()).isPresent()) {
      return Optional.empty(); // searched as plain words, or refused
    }
    List<Token> tokens = lexed.tokens();
    Query parsed;
    MarkingParser parser = new MarkingParser(matchAll);
    try {
      parsed = parser.parse(query);
    } catch (ParseException | IllegalArgumentException | TooComplexToDeterminizeException malformed) {
      // A syntax error, a malformed or too complex regular expression: not searched with its syntax.
      return Optional.empty();
    }
    List<Token> quoted = tokens.stream().filter(t -> t.kind == QueryParserConstants.QUOTED).toList();
    if (quoted.size() != parser.phrases.size() || !QueryChecker.unknownFields(parsed).isEmpty()) {
      return Optional.empty(); // not what the checker lets through with its syntax
    }
    List<Phrase> positive = positive(parsed);
    List<Integer> relaxed = new ArrayList<>();
    Set<String> phrases = new LinkedHashSet<>();
    for (int i = 0; i < quoted.size(); i++) {
      Phrase p = parser.phrases.get(i);
      if (positive.contains(p) && words(p.text) >= 2) {
        relaxed.add(i);
        phrases.add(p.text);
      }
    }
    if (relaxed.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(query);
    // From the end, so the offsets of the phrases before stay valid.
    for (int i : relaxed.reversed()) {
      rewrite(out, tokens, tokens.indexOf(quoted.get(i)), parser.phrases.get(i).text);
    }
    return Optional.of(new Relaxation(out.toString(), new Relaxed(List.copyOf(phrases))));
  }

  /** Replaces the phrase at {@code tokens[i]} (and its slop, before or after a boost) with its words, grouped where it is bound. */
  private static void rewrite(StringBuilder text, List<Token> tokens, int i, String phrase) {
    int last = i + 1 < tokens.size() && tokens.get(i + 1).kind == QueryParserConstants.FUZZY_SLOP ? i + 1 : i;
    int before = i > 0 ? tokens.get(i - 1).kind : -1;
    int after = last + 1 < tokens.size() ? tokens.get(last + 1).kind : -1;
    // Inside quotes "NOT" and "a:b" were words, and stay words.
    String words = QueryChecker.plainWords(phrase);
    int start = tokens.get(i).beginColumn, end = tokens.get(last).endColumn;
    // The parser also takes a slop after the boost ("a b"^3~2), which a group would not: dropped
    // first, as it stands after the phrase (found by QuotedPhrasesFuzzTest).
    if (last + 3 < tokens.size() && after == QueryParserConstants.CARAT
        && tokens.get(last + 2).kind == QueryParserConstants.NUMBER
        && tokens.get(last + 3).kind == QueryParserConstants.FUZZY_SLOP) {
      text.delete(tokens.get(last + 3).beginColumn, tokens.get(last + 3).endColumn);
    }
    if (BINDS_BEFORE.contains(before) || BINDS_AFTER.contains(after)) {
      words = "(" + words + ")";
    } else {
      // Bare, the words join the query as if typed without quotes (edismax's pf2 sees them there);
      // a space keeps them from running into a neighbour typed against the quote (a"b c").
      words = (start > 0 && joins(text.charAt(start - 1)) ? " " : "") + words
          + (end < text.length() && joins(text.charAt(end)) ? " " : "");
    }
    text.replace(start, end, words);
  }

  /**
   * Whether a word typed right against this character would run into it, or change it ({@code -}
   * after a word is part of it, before one negates it). The lexer's whitespace, not Java's: a
   * vertical tab is part of a term (found by QuotedPhrasesFuzzTest).
   */
  private static boolean joins(char c) {
    return LEXER_SPACE.indexOf(c) < 0 && c != '(' && c != ')';
  }

  /** The phrases an article must or may match: none below a MUST_NOT. */
  private static List<Phrase> positive(Query parsed) {
    List<Phrase> out = new ArrayList<>();
    parsed.visit(new PositiveClauses() {
      @Override
      public void visitLeaf(Query query) {
        if (query instanceof Phrase p) {
          out.add(p);
        }
      }
    });
    return out;
  }

  private static int words(String text) {
    try (TokenStream ts = WORDS.tokenStream("", text)) {
      ts.reset();
      int n = 0;
      while (ts.incrementToken()) {
        n++;
      }
      ts.end();
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
  }

  /** The query parser with each quoted phrase replaced by a {@link Phrase}, in the order typed. */
  private static final class MarkingParser extends QueryParser {
    final List<Phrase> phrases = new ArrayList<>();

    MarkingParser(boolean matchAll) {
      super(QueryChecker.BODY, WORDS);
      QueryChecker.configure(this, matchAll);
    }

    /** Called for quoted text only, unescaped, once per phrase and in order. */
    @Override
    protected Query getFieldQuery(String field, String text, int slop) {
      Phrase p = new Phrase(field, text);
      phrases.add(p);
      return p;
    }
  }

  /** A quoted phrase where the parsed query has it; identity is the phrase's place in the query. */
  private static final class Phrase extends Query {
    final String field;
    final String text;

    Phrase(String field, String text) {
      this.field = field;
      this.text = text;
    }

    @Override
    public void visit(QueryVisitor visitor) {
      if (visitor.acceptField(field)) {
        visitor.visitLeaf(this);
      }
    }

    @Override
    public String toString(String defaultField) {
      return field + ":\"" + text + "\"";
    }

    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }
}

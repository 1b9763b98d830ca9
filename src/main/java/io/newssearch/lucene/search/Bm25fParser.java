package io.newssearch.lucene.search;

import io.newssearch.lucene.Schema;
import io.newssearch.search.QueryChecker;
import io.newssearch.search.Ranking;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The query language over the default fields with BM25F: a word typed without a field becomes one
 * {@link Bm25fTerm} ({@code CombinedFieldQuery}) over title and body with the {@link Ranking}'s title weight,
 * instead of a BM25 score per field added up. Title and body of an article are analysed with the same
 * language analyzer, so the body's analysis of the word is its term in every field.
 *
 * <p>What BM25F cannot score keeps the per-field sum ({@link MultiFieldQueryParser}, title weighted
 * as a boost): quoted phrases, prefixes, wildcards, fuzzy words, ranges and regular expressions.
 * A word naming its field ({@code title:drill}) searches that field alone, as typed.
 */
final class Bm25fParser extends MultiFieldQueryParser {

  /** Fields a phrase or multi-term query without a field searches (the per-field sum's). */
  private static final String[] PHRASE_FIELDS = {Schema.BODY, Schema.TITLE};

  private final Ranking ranking;

  private Bm25fParser(Analyzer analyzer, Ranking ranking) {
    super(PHRASE_FIELDS, analyzer, Map.of(Schema.TITLE, ranking.titleWeight(), Schema.BODY, 1f));
    this.ranking = ranking;
  }

  /** A parser configured as {@link QueryChecker} configures its own, so both read the same syntax. */
  static Bm25fParser of(Analyzer analyzer, Ranking ranking, boolean matchAll) {
    return QueryChecker.configure(new Bm25fParser(analyzer, ranking), matchAll);
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
    if (field != null || quoted) {
      return super.getFieldQuery(field, queryText, quoted);
    }
    Query body = super.getFieldQuery(Schema.BODY, queryText, false);
    return body == null ? null : combined(body, queryText);
  }

  /**
   * The body's analysis of a word with each term made one BM25F term, the structure kept; a shape
   * BM25F cannot score (a graph of tokens) is parsed per field, as a phrase is.
   */
  private Query combined(Query q, String word) throws ParseException {
    return switch (q) {
      case TermQuery t -> bm25f(t.getTerm().bytes());
      case SynonymQuery s -> {
        // Tokens at one position (an analyzer's variants of a word): the best of them counts.
        List<Query> variants = new ArrayList<>();
        for (var t : s.getTerms()) {
          variants.add(bm25f(t.bytes()));
        }
        yield new DisjunctionMaxQuery(variants, 0f);
      }
      case BooleanQuery b -> {
        BooleanQuery.Builder out = new BooleanQuery.Builder();
        for (BooleanClause c : b.clauses()) {
          out.add(combined(c.query(), word), c.occur());
        }
        yield out.build();
      }
      case BoostQuery b -> new BoostQuery(combined(b.getQuery(), word), b.getBoost());
      default -> super.getFieldQuery(null, word, false);
    };
  }

  private Query bm25f(BytesRef term) {
    return term(term, ranking);
  }

  /** One word as BM25F scores it: body and title as one field, with the ranking's title weight. */
  static Query term(BytesRef term, Ranking ranking) {
    return Bm25fTerm.of(term, ranking);
  }
}

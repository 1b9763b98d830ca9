package io.newssearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.pattern.PatternCaptureGroupTokenFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A word with a capital after lowercase letters is also indexed from that capital on, at its own
 * position, by the analyzer of the languages without one of their own; and the filter gives what
 * the SolrCloud schema's pattern gives, token for token.
 */
class InnerCapitalFilterTest {

  private static LanguageAnalyzers analyzers;

  @BeforeAll
  static void build() {
    analyzers = new LanguageAnalyzers();
  }

  @AfterAll
  static void close() {
    analyzers.close();
  }

  @Test
  void a_prefixed_noun_is_also_indexed_from_its_capital() {
    assertEquals(List.of("kwemari", "mari", "mubulawayo", "bulawayo", "emonti", "monti", "nevafarikai", "vafarikai",
            "farikai", "kuun", "un", "munyika", "un", "ebay", "bay", "uyeye", "yeye", "iboks", "boks", "ancyl", "tvs"),
        Terms.of(analyzers.forLanguage("sn"), "kweMari muBulawayo eMonti neVaFarikai kuUN Munyika UN eBay UYeye IBoks"
            + " ANCYL TVs"));
  }

  @Test
  void the_remainders_stand_at_the_word_s_position() throws IOException {
    Tokenizer source = Terms.whitespace("mushure kweMari kuBulawayo");
    assertEquals(List.of("mushure+1", "kweMari+1", "Mari+0", "kuBulawayo+1", "Bulawayo+0"),
        tokens(new InnerCapitalFilter(source)));
  }

  @Test
  void a_language_with_an_analyzer_of_its_own_is_not_split() {
    assertEquals(List.of("iphon"), Terms.of(analyzers.forLanguage("en"), "iPhone"));
  }

  /**
   * Not among the letters: a lowercase letter outside the Basic Multilingual Plane (Deseret 𐐨,
   * Adlam), which Java's look-behind does not read as a letter; the filter does.
   */
  @Test
  void random_words_give_what_the_solr_schema_s_pattern_gives() throws IOException {
    String[] pieces = {"a", "B", "c", "Ä", "é", "ǅ", "σ", "Σ", "д", "Д", "1", "_", "\u0301", "𐐀", "中", "ß",
        "ı", "İ", "ǈ", "ǉ", "Ǉ"};
    String s = RandomWords.of(pieces, 7, 20_000, 7);
    List<String> expected = tokens(new PatternCaptureGroupTokenFilter(Terms.whitespace(s), true,
        Pattern.compile(InnerCapitalFilter.PATTERN)));
    List<String> actual = tokens(new InnerCapitalFilter(Terms.whitespace(s)));
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      int at = i;
      assertEquals(expected.get(i), actual.get(i),
          () -> "token " + at + " after " + expected.subList(Math.max(0, at - 3), at));
    }
    assertEquals(expected.size(), actual.size());
  }

  /** Each token as its text, "+", and its position increment. */
  private static List<String> tokens(TokenStream ts) throws IOException {
    List<String> out = new ArrayList<>();
    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
    PositionIncrementAttribute position = ts.addAttribute(PositionIncrementAttribute.class);
    ts.reset();
    while (ts.incrementToken()) {
      out.add(term + "+" + position.getPositionIncrement());
    }
    ts.end();
    ts.close();
    return out;
  }
}

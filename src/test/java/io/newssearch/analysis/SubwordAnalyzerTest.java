package io.newssearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class SubwordAnalyzerTest {

  private static List<String> tokens(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("subwords", text)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(t.toString());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void each_word_is_cut_into_pieces_of_four_letters_and_kept_whole_folded() throws IOException {
    try (Analyzer a = new SubwordAnalyzer()) {
      // A word shorter than a piece is kept as it is; tone marks and case are folded away.
      assertEquals(List.of("kwem", "wema", "emar", "mari", "kwemari", "ya", "oro"), tokens(a, "kweMari ya Ọ̀rọ̀"));
    }
  }
}

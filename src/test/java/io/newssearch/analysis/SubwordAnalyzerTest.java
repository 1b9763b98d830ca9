package io.newssearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class SubwordAnalyzerTest {

  @Test
  void each_word_is_cut_into_pieces_of_four_letters_folded() {
    try (Analyzer a = new SubwordAnalyzer()) {
      // A word shorter than a piece gives none; tone marks and case are folded away.
      assertEquals(List.of("kwem", "wema", "emar", "mari", "oron", "ronu"), Terms.of(a, "kweMari ya Ọ̀rọ̀nu"));
    }
  }
}

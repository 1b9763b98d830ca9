package io.newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.article.Article;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GnadCsvParserTest {

  @Test
  void label_is_the_tag_and_the_title_is_the_first_sentence_cut_to_twelve_words() throws IOException {
    Article a = parse().accepted.getFirst().article();
    assertEquals("gnad-test-1", a.id());
    assertEquals("Der Verein gewann das Finale am Samstag deutlich und feiert nun den", a.title());
    assertTrue(a.body().startsWith("Der Verein gewann das Finale"));
    assertEquals(List.of("Sport"), a.tags());
    assertEquals("de", a.language());
  }

  @Test
  void doubled_single_quotes_are_one_quote_and_short_sentences_stay_whole() throws IOException {
    CollectingSink sink = parse();
    assertEquals("Das Museum zeigt 'Licht und Schatten'. Wien – Die Ausstellung beginnt im Mai.",
        sink.accepted.get(1).article().body());
    assertEquals("Das Museum zeigt 'Licht und Schatten'.", sink.accepted.get(1).article().title());
    assertEquals("Kurz.", sink.accepted.get(2).article().title());
  }

  @Test
  void a_row_without_text_is_rejected_with_its_line() throws IOException {
    CollectingSink sink = parse();
    assertEquals(List.of(1, 2, 4), sink.accepted.stream().map(CollectingSink.Accepted::line).toList());
    assertEquals(List.of(3), sink.rejected.stream().map(CollectingSink.Rejected::line).toList());
  }

  @Test
  void label_semicolon_quote_rows_are_detected() throws IOException {
    assertEquals(CorpusFormat.GNAD_CSV, CorpusFormat.detect(CollectingSink.fixture("gnad/test.csv")).orElseThrow());
  }

  private static CollectingSink parse() throws IOException {
    return CollectingSink.parse(CorpusFormat.GNAD_CSV, CollectingSink.fixture("gnad/test.csv"));
  }
}

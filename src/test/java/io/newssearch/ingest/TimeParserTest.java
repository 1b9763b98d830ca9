package io.newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.article.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeParserTest {

  @TempDir Path tmp;

  @Test
  void text_records_get_integer_ids_dates_and_a_first_sentence_title() throws IOException {
    Article a = parse().accepted.getFirst().article();
    assertEquals("time-17", a.id());
    assertEquals(Instant.parse("1963-01-04T00:00:00Z"), a.published());
    assertEquals("THE HARBOUR COMMISSION MET LAST WEEK .", a.title());
    assertEquals("THE HARBOUR COMMISSION MET LAST WEEK . IT AGREED TO DREDGE THE CHANNEL BEFORE SPRING,"
        + " AND TO RAISE FEES FOR THE FIRST TIME SINCE THE WAR .", a.body());
    assertEquals("en", a.language());
    assertEquals("TIME", a.source());
  }

  @Test
  void a_long_first_sentence_is_cut_to_fifteen_words_and_a_year_without_slash_is_read() throws IOException {
    Article a = parse().accepted.get(1).article();
    assertEquals("time-431", a.id());
    assertEquals(Instant.parse("1963-08-30T00:00:00Z"), a.published());
    assertEquals(15, a.title().split(" ").length);
  }

  @Test
  void a_broken_header_is_rejected_with_its_line_and_stop_ends_the_collection() throws IOException {
    CollectingSink sink = parse();
    assertEquals(List.of(1, 11), sink.accepted.stream().map(CollectingSink.Accepted::line).toList());
    assertEquals(List.of(7), sink.rejected.stream().map(CollectingSink.Rejected::line).toList());
    assertTrue(sink.rejected.getFirst().reason().contains("*TEXT 0X9"));
  }

  @Test
  void detected_by_name_or_by_a_first_text_line() throws IOException {
    assertEquals(CorpusFormat.TIME, CorpusFormat.detect(CollectingSink.fixture("time/TIME.ALL")).orElseThrow());
    Path renamed = Files.copy(CollectingSink.fixture("time/TIME.ALL"), tmp.resolve("time1963"));
    assertEquals(CorpusFormat.TIME, CorpusFormat.detect(renamed).orElseThrow());
    Path txt = Files.copy(CollectingSink.fixture("time/TIME.ALL"), tmp.resolve("time.txt"));
    assertEquals(CorpusFormat.TIME, CorpusFormat.detect(txt).orElseThrow());
  }

  @Test
  void a_record_number_longer_than_an_int_is_its_id_as_written() throws IOException {
    // found by TimeFuzzTest: Integer.parseInt threw out of the reader
    String number = "0" + "1".repeat(40);
    Path f = Files.writeString(tmp.resolve("TIME.ALL"), "*TEXT " + number + " 01/04/63 PAGE 020\n\nTHE TIDE ROSE .\n");
    assertEquals("time-" + "1".repeat(40), CollectingSink.parse(CorpusFormat.TIME, f).only().id());
  }

  private static CollectingSink parse() throws IOException {
    return CollectingSink.parse(CorpusFormat.TIME, CollectingSink.fixture("time/TIME.ALL"));
  }
}

package io.newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.article.Article;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineDocParserTest {

  @TempDir Path tmp;

  @Test
  void each_line_is_title_date_body_with_the_language_left_to_detection() throws IOException {
    Article a = parseTiny().accepted.getFirst().article();
    assertEquals("tiny-1", a.id());
    assertEquals("Fisheries policy", a.title());
    assertEquals("The committee discussed quotas for the northern fleet.   It voted on Tuesday.", a.body());
    assertEquals(Instant.parse("2003-05-12T00:00:00Z"), a.published());
    assertNull(a.language());
    assertEquals("Politique agricole", parseTiny().accepted.get(1).article().title());
  }

  @Test
  void short_lines_and_bad_dates_are_rejected_with_their_line_and_an_empty_date_is_none() throws IOException {
    CollectingSink sink = parseTiny();
    assertEquals(List.of(1, 2, 6, 7), sink.accepted.stream().map(CollectingSink.Accepted::line).toList());
    assertEquals(List.of(3, 5), sink.rejected.stream().map(CollectingSink.Rejected::line).toList());
    assertTrue(sink.rejected.get(0).reason().contains("found 1"), sink.rejected.get(0).reason());
    assertTrue(sink.rejected.get(1).reason().contains("unparseable date 'not a date'"));
    assertNull(sink.accepted.get(2).article().published());
  }

  @Test
  void a_paragraph_in_the_title_column_becomes_body_text_under_its_first_sentence() throws IOException {
    Article a = parseTiny().accepted.get(3).article();
    assertEquals("Madam President, I rise on a point of order.", a.title());
    assertTrue(a.body().startsWith("Madam President, I rise on a point of order. The vote"), a.body());
    assertTrue(a.body().endsWith("\n\nThe sitting was closed."), a.body());
  }

  @Test
  void a_fields_header_line_names_the_columns() throws IOException {
    Article a = CollectingSink.parse(CorpusFormat.LINE_DOC, CollectingSink.fixture("linedoc/with_header.lines.txt")).only();
    assertEquals("Transport safety", a.title());
    assertEquals(Instant.parse("2010-01-20T00:00:00Z"), a.published());
    assertEquals("The rapporteur presented the report.", a.body());
    assertEquals("with_header-2", a.id());
  }

  @Test
  void lines_txt_is_detected_plain_or_gzipped() throws IOException {
    Path gz = tmp.resolve("europarl.lines.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(CollectingSink.fixture("linedoc/tiny.lines.txt"), out);
    }
    assertEquals(CorpusFormat.LINE_DOC, CorpusFormat.detect(gz).orElseThrow());
    assertEquals(CorpusFormat.LINE_DOC, CorpusFormat.detect(CollectingSink.fixture("linedoc/tiny.lines.txt")).orElseThrow());
    CollectingSink sink = CollectingSink.parse(CorpusFormat.LINE_DOC, gz);
    assertEquals("europarl-1", sink.accepted.getFirst().article().id());
    assertEquals(4, sink.accepted.size());
  }

  private static CollectingSink parseTiny() throws IOException {
    return CollectingSink.parse(CorpusFormat.LINE_DOC, CollectingSink.fixture("linedoc/tiny.lines.txt"));
  }
}

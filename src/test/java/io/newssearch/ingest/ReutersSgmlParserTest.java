package io.newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.article.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReutersSgmlParserTest {

  private static final Path FILE = CollectingSink.fixture("reuters/reut2-000.sgm");

  @Test
  void reads_title_body_date_tags_and_author_with_entities_decoded() throws IOException {
    Article a = parse().accepted.getFirst().article();
    assertEquals("reuters-101", a.id());
    assertEquals("PRAIRIE GROWERS SEE LARGER CROP & LOWER PRICES", a.title());
    assertEquals("Prairie growers expect a larger wheat crop this year, the <Prairie Grain Board> said.\n\n"
        + "Prices could fall if the weather holds, it said.", a.body());
    assertEquals(Instant.parse("1987-03-14T09:05:07Z"), a.published());
    assertEquals(List.of("grain", "wheat", "canada"), a.tags());
    assertEquals("Jane Fielding", a.author());
    assertEquals("en", a.language());
    assertEquals("Reuters", a.source());
  }

  @Test
  void brief_and_unprocessed_records_keep_the_text_they_have() throws IOException {
    CollectingSink sink = parse();
    Article brief = sink.accepted.get(1).article();
    assertEquals("reuters-102", brief.id());
    assertEquals("HARBOUR BOARD RAISES FEES 3 PCT", brief.title());
    assertEquals("Blah blah blah.", brief.body());
    assertEquals(Instant.parse("1987-04-02T17:40:00Z"), brief.published(), "wire codes after the date are ignored");
    assertTrue(brief.tags().isEmpty());

    Article unproc = sink.accepted.get(2).article();
    assertEquals("reuters-105", unproc.id());
    assertNull(unproc.title());
    assertEquals("FERRY TIMETABLE - APR 4\n\nMorning sailing.........08:00\n\n"
        + "Evening sailing.........18:30 (café open)", unproc.body(), "Latin-1 bytes are decoded");
  }

  @Test
  void bad_records_are_rejected_with_the_line_they_start_on() throws IOException {
    CollectingSink sink = parse();
    assertEquals(List.of(2, 20, 39), sink.accepted.stream().map(CollectingSink.Accepted::line).toList());
    assertEquals(List.of(31, 35), sink.rejected.stream().map(CollectingSink.Rejected::line).toList());
    assertTrue(sink.rejected.get(0).reason().contains("unreadable DATE 'sometime in spring'"));
    assertTrue(sink.rejected.get(1).reason().contains("NEWID"));
  }

  @Test
  void a_date_that_names_no_real_day_rejects_the_record_instead_of_failing_the_file() throws Exception {
    String record = "<D>x</D>";
    for (String date : List.of("60-MAR-1987 10:00:00.00", "31-FEB-1987 10:00:00.00", "01-MAR-1987 10:75:00.00")) {
      BadRecordException e = assertThrows(BadRecordException.class, () -> ReutersSgmlParser.article(
          "NEWID=\"7\"", "<DATE>" + date + "</DATE><TEXT><BODY>b</BODY></TEXT>" + record));
      assertTrue(e.getMessage().contains("impossible DATE '" + date + "'"), e.getMessage());
    }
  }

  @Test
  void sgm_files_are_detected_by_extension() throws IOException {
    assertEquals(CorpusFormat.REUTERS_SGML, CorpusFormat.detect(FILE).orElseThrow());
    assertEquals(CorpusFormat.REUTERS_SGML, CorpusFormat.detect(Path.of("reut2-003.sgm.gz")).orElseThrow());
  }

  private static CollectingSink parse() throws IOException {
    return CollectingSink.parse(CorpusFormat.REUTERS_SGML, FILE);
  }
}

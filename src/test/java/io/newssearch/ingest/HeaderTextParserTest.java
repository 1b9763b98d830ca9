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

class HeaderTextParserTest {

  @TempDir Path tmp;

  @Test
  void header_fields_fill_the_article_and_the_repeated_heading_is_dropped() throws IOException {
    Article a = parse("header/full.md").only();
    assertEquals("Harbour reopens after storm", a.title());
    assertEquals(Instant.parse("2025-07-25T06:30:00Z"), a.published());
    assertEquals("en", a.language());
    assertEquals(List.of("weather", "ports"), a.tags());
    assertEquals("Coast Gazette", a.source());
    assertEquals("https://example.org/harbour", a.url());
    assertEquals("Jo Doe", a.author());
    assertEquals("harbour-2025", a.id());
    assertEquals("The harbour reopened on Tuesday after three days of closure, the port authority said."
        + "\n\nDamage\n\nTwo cranes were damaged and will be repaired by the end of the month.", a.body());
  }

  @Test
  void without_a_title_the_first_story_line_is_the_title() throws IOException {
    Path file = CollectingSink.fixture("header/no_title.txt");
    assertEquals(CorpusFormat.HEADER_TEXT, CorpusFormat.detect(file).orElseThrow());
    Article a = parse("header/no_title.txt").only();
    assertEquals("Neue Brücke freigegeben", a.title());
    assertEquals("Die Brücke über den Fluss ist seit Freitag für den Verkehr freigegeben."
        + "\n\nAutofahrer sparen damit bis zu zehn Minuten.", a.body());
    assertEquals(Instant.parse("2025-07-25T00:00:00Z"), a.published());
    assertEquals("de", a.language());
    assertEquals(List.of("Verkehr", "Bahn"), a.tags());
  }

  @Test
  void yaml_list_tags_are_read() throws IOException {
    assertEquals(List.of("rivers", "floods"), parse("header/list_tags.md").only().tags());
  }

  @Test
  void markdown_without_header_uses_its_heading_as_title() throws IOException {
    Article a = parse("header/no_header.md").only();
    assertEquals("Plain markdown story", a.title());
    assertEquals("Only a heading and a paragraph, no front matter.", a.body());
  }

  @Test
  void an_unclosed_header_rejects_the_file() throws IOException {
    CollectingSink sink = parse("header/unclosed.txt");
    assertTrue(sink.accepted.isEmpty());
    assertEquals(1, sink.rejected.size());
    assertTrue(sink.rejected.getFirst().reason().contains("never closed"), sink.rejected.toString());
  }

  @Test
  void an_unreadable_date_rejects_the_file_naming_value_and_line() throws IOException {
    CollectingSink sink = parse("header/bad_date.txt");
    assertTrue(sink.accepted.isEmpty());
    assertEquals("unparseable date 'the day after tomorrow' on line 3", sink.rejected.getFirst().reason());
  }

  @Test
  void an_empty_file_is_rejected_as_having_no_text() throws IOException {
    Path empty = Files.writeString(tmp.resolve("empty.md"), "  \n\n");
    CollectingSink sink = CollectingSink.parse(CorpusFormat.HEADER_TEXT, empty);
    assertTrue(sink.accepted.isEmpty());
    assertEquals(List.of(new CollectingSink.Rejected(1, "file has no text")), sink.rejected);
  }

  private static CollectingSink parse(String fixture) throws IOException {
    return CollectingSink.parse(CorpusFormat.HEADER_TEXT, CollectingSink.fixture(fixture));
  }
}

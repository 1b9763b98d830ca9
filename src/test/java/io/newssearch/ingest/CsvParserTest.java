package io.newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.article.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvParserTest {

  @TempDir Path tmp;

  @Test
  void columns_are_found_by_name_and_quoted_fields_may_hold_commas_quotes_and_newlines() throws IOException {
    CollectingSink sink = CollectingSink.parse(CorpusFormat.CSV, CollectingSink.fixture("csv/articles.csv"));
    Article a = sink.accepted.getFirst().article();
    assertEquals("articles-7", a.id());
    assertEquals("Library opens \"new\" wing", a.title());
    assertEquals("The university library opened a new wing.\nIt has 200 seats, and a café.", a.body());
    assertEquals("https://example.edu/news/7", a.url());
    assertEquals("en", a.language());
    assertEquals("Example University", a.source());
    assertEquals(List.of("Events"), a.tags());
    assertNull(a.published(), "created_at is when the crawler saw the page, not a publication date");
    assertEquals("ar", sink.accepted.get(1).article().language());
    assertEquals(List.of(2, 4, 5), sink.accepted.stream().map(CollectingSink.Accepted::line).toList());
  }

  @Test
  void the_separator_is_sniffed_and_bad_dates_are_rejected_with_their_line() throws IOException {
    CollectingSink sink = CollectingSink.parse(CorpusFormat.CSV, CollectingSink.fixture("csv/semicolon.csv"));
    Article a = sink.accepted.getFirst().article();
    assertEquals("Harbour reopens", a.title());
    assertEquals(Instant.parse("2025-07-25T00:00:00Z"), a.published());
    assertEquals(List.of(3), sink.rejected.stream().map(CollectingSink.Rejected::line).toList());
    assertTrue(sink.rejected.getFirst().reason().contains("unparseable date 'not a date'"));
  }

  @Test
  void a_header_in_another_exporters_names_is_read_as_json_lines_would_read_them() throws IOException {
    Path f = Files.writeString(tmp.resolve("export.csv"),
        "Headline,Description,Published_At,Source_Name,Authors\nBridge closed,The old bridge is closed.,2023-01-05,City Post,A. Smith\n");
    assertEquals(CorpusFormat.CSV, CorpusFormat.detect(f).orElseThrow());
    Article a = CollectingSink.parse(CorpusFormat.CSV, f).only();
    assertEquals(List.of("Bridge closed", "The old bridge is closed.", "City Post", "A. Smith"),
        List.of(a.title(), a.body(), a.source(), a.author()));
    assertEquals(Instant.parse("2023-01-05T00:00:00Z"), a.published());
  }

  @Test
  void an_unclosed_quote_is_rejected_and_ends_the_file() throws IOException {
    Path f = Files.writeString(tmp.resolve("broken.csv"), "title,text\nOk,Fine\n\"Open,never closed\n");
    CollectingSink sink = CollectingSink.parse(CorpusFormat.CSV, f);
    assertEquals(1, sink.accepted.size());
    assertEquals(List.of(3), sink.rejected.stream().map(CollectingSink.Rejected::line).toList());
  }

  @Test
  void csv_needs_a_header_naming_a_title_or_text_column() throws IOException {
    assertEquals(Optional.of(CorpusFormat.CSV), CorpusFormat.detect(CollectingSink.fixture("csv/articles.csv")));
    Path numbers = Files.writeString(tmp.resolve("numbers.csv"), "a,b\n1,2\n");
    assertEquals(Optional.empty(), CorpusFormat.detect(numbers));
  }
}

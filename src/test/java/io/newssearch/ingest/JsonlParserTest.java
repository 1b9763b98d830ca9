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

class JsonlParserTest {

  @TempDir Path tmp;

  @Test
  void reads_every_field_from_its_primary_name() throws IOException {
    Article a = parseMixed().accepted.get(0).article();
    assertEquals("a1", a.id());
    assertEquals("https://example.org/harbour", a.url());
    assertEquals("Harbour reopens after storm", a.title());
    assertEquals("The harbour reopened on Tuesday.", a.body());
    assertEquals(Instant.parse("2025-07-25T06:30:00Z"), a.published());
    assertEquals("en", a.language());
    assertEquals(List.of("weather", "ports"), a.tags());
    assertEquals("Coast Gazette", a.source());
    assertEquals("J. Doe", a.author());
  }

  @Test
  void reads_synonyms_for_fields_and_comma_separated_tags() throws IOException {
    Article a = parseMixed().accepted.get(1).article();
    assertEquals("Bridge inspection finds cracks", a.title());
    assertEquals("Engineers found cracks in the old bridge.", a.body());
    assertEquals(Instant.parse("2025-07-25T00:00:00Z"), a.published());
    assertEquals("en", a.language());
    assertEquals(List.of("bridges", "safety"), a.tags());
    assertEquals("City Post", a.source());
    assertEquals("A. Smith", a.author());
    assertEquals("https://example.org/bridge", a.url());

    Article fr = parseMixed().accepted.get(2).article();
    assertEquals("La plage est fermée.", fr.body());
    assertEquals("fr", fr.language());
    assertEquals(Instant.parse("2025-07-25T00:00:00Z"), fr.published());
    assertEquals(List.of("environnement"), fr.tags());
    assertEquals("Le Courrier", fr.source());
  }

  @Test
  void accepts_numeric_ids_and_epoch_seconds() throws IOException {
    Article a = parseMixed().accepted.get(3).article();
    assertEquals("77", a.id());
    assertEquals(Instant.parse("2025-07-25T00:00:00Z"), a.published());
  }

  @Test
  void bad_lines_are_rejected_with_their_line_number_and_parsing_goes_on() throws IOException {
    CollectingSink sink = parseMixed();
    assertEquals(List.of(1, 2, 5, 10), sink.accepted.stream().map(CollectingSink.Accepted::line).toList());
    assertEquals(List.of(3, 6, 7, 8, 9), sink.rejected.stream().map(CollectingSink.Rejected::line).toList());
    assertTrue(reason(sink, 3).startsWith("invalid JSON"), reason(sink, 3));
    assertTrue(reason(sink, 6).contains("not a JSON object"), reason(sink, 6));
    assertTrue(reason(sink, 7).contains("'tags'"), reason(sink, 7));
    assertTrue(reason(sink, 8).contains("unparseable date 'sometime soon'"), reason(sink, 8));
    assertTrue(reason(sink, 9).contains("'url' must be a string"), reason(sink, 9));
  }

  @Test
  void epoch_times_beyond_what_a_date_can_hold_are_rejected_not_thrown() throws IOException {
    // found by JsonlFuzzTest: a large negative number threw DateTimeException out of the reader
    Path f = Files.writeString(tmp.resolve("epoch.jsonl"),
        "{\"title\": \"Far past\", \"published\": -9000000000000000000}\n{\"title\": \"Fine\", \"published\": 0}\n");
    CollectingSink sink = CollectingSink.parse(CorpusFormat.JSONL, f);
    assertEquals(List.of(2), sink.accepted.stream().map(CollectingSink.Accepted::line).toList());
    assertTrue(reason(sink, 1).contains("epoch time -9000000000000000000 in field 'published' is out of range"),
        reason(sink, 1));
  }

  @Test
  void a_line_past_the_json_readers_limits_is_rejected_with_its_line_and_the_file_read_on() throws IOException {
    // found by hand: these errors carry no location, and reading it failed the whole file
    Path f = Files.writeString(tmp.resolve("limits.jsonl"), String.join("\n",
        "{\"title\": \"Deep\", \"x\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}",
        "{\"id\": " + "9".repeat(2_000) + ", \"title\": \"Long id\"}",
        "{\"title\": \"Fine\"}") + "\n");
    CollectingSink sink = CollectingSink.parse(CorpusFormat.JSONL, f);
    assertEquals(List.of(3), sink.accepted.stream().map(CollectingSink.Accepted::line).toList());
    assertTrue(reason(sink, 1).startsWith("invalid JSON at column ") && reason(sink, 1).contains("nesting depth"),
        reason(sink, 1));
    assertTrue(reason(sink, 2).contains("Number value length"), reason(sink, 2));
  }

  @Test
  void gzipped_files_are_detected_and_read() throws IOException {
    Path gz = tmp.resolve("mixed.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(CollectingSink.fixture("jsonl/mixed.jsonl"), out);
    }
    assertEquals(CorpusFormat.JSONL, CorpusFormat.detect(gz).orElseThrow());
    CollectingSink sink = CollectingSink.parse(CorpusFormat.JSONL, gz);
    assertEquals(4, sink.accepted.size());
    assertEquals(5, sink.rejected.size());
  }

  @Test
  void empty_file_gives_nothing_and_no_error() throws IOException {
    Path empty = Files.writeString(tmp.resolve("empty.ndjson"), "\n\n");
    CollectingSink sink = CollectingSink.parse(CorpusFormat.JSONL, empty);
    assertTrue(sink.accepted.isEmpty());
    assertTrue(sink.rejected.isEmpty());
  }

  @Test
  void missing_optional_fields_stay_null() throws IOException {
    Path f = Files.writeString(tmp.resolve("one.jsonl"), "{\"title\": \"Only a title\"}\n");
    Article a = CollectingSink.parse(CorpusFormat.JSONL, f).only();
    assertEquals("Only a title", a.title());
    assertNull(a.body());
    assertNull(a.published());
    assertNull(a.language());
    assertTrue(a.tags().isEmpty());
  }

  /** Exporters' own spellings: NewsAPI, news-please, schema.org and feed items. */
  @Test
  void reads_other_exporters_names_in_any_case_and_names_given_as_objects() throws IOException {
    Path f = Files.writeString(tmp.resolve("exports.jsonl"), String.join("\n",
        // NewsAPI: source an object, publishedAt, description beside content
        "{\"source\": {\"id\": null, \"name\": \"Wire\"}, \"author\": null, \"Title\": \"Storm hits coast\", "
            + "\"description\": \"Short.\", \"content\": \"A storm hit the coast.\", \"publishedAt\": \"2023-01-02T10:00:00Z\", "
            + "\"URL\": \"https://ex.org/1\"}",
        // news-please: maintext, date_publish, source_domain, authors as a list
        "{\"title\": \"Markets rally\", \"maintext\": \"Stocks rose.\", \"date_publish\": \"2023-01-03 09:00:00\", "
            + "\"source_domain\": \"example.org\", \"authors\": [\"A. Smith\", \"B. Jones\"], \"Language\": \"en\"}",
        // schema.org: headline, articleBody, datePublished, publisher and author objects, inLanguage
        "{\"headline\": \"Vote counted\", \"articleBody\": \"The count ended.\", \"datePublished\": \"2023-01-04\", "
            + "\"publisher\": {\"name\": \"Daily\"}, \"author\": [{\"name\": \"C. Doe\"}], \"inLanguage\": \"fr\"}",
        // a feed item: its description is all the text it has
        "{\"title\": \"Bridge closed\", \"description\": \"The old bridge is closed.\", \"pubDate\": \"Thu, 05 Jan 2023 08:00:00 GMT\", "
            + "\"category\": [\"roads\"]}",
        "{\"title\": \"Bad source\", \"source\": {\"id\": \"x\"}}") + "\n");
    CollectingSink sink = CollectingSink.parse(CorpusFormat.JSONL, f);
    assertEquals(4, sink.accepted.size());
    Article newsApi = sink.accepted.get(0).article();
    assertEquals(List.of("Storm hits coast", "A storm hit the coast.", "Wire", "https://ex.org/1"),
        List.of(newsApi.title(), newsApi.body(), newsApi.source(), newsApi.url()), "content before description");
    assertNull(newsApi.author());
    assertEquals(Instant.parse("2023-01-02T10:00:00Z"), newsApi.published());
    Article newsPlease = sink.accepted.get(1).article();
    assertEquals(List.of("Stocks rose.", "example.org", "A. Smith, B. Jones", "en"),
        List.of(newsPlease.body(), newsPlease.source(), newsPlease.author(), newsPlease.language()));
    assertEquals(Instant.parse("2023-01-03T09:00:00Z"), newsPlease.published());
    Article schema = sink.accepted.get(2).article();
    assertEquals(List.of("Vote counted", "The count ended.", "Daily", "C. Doe", "fr"),
        List.of(schema.title(), schema.body(), schema.source(), schema.author(), schema.language()));
    Article feed = sink.accepted.get(3).article();
    assertEquals(List.of("The old bridge is closed.", "roads"), List.of(feed.body(), feed.tags().get(0)));
    assertEquals(Instant.parse("2023-01-05T08:00:00Z"), feed.published());
    assertTrue(reason(sink, 5).contains("field 'source' must be a string or an object with a 'name'"), reason(sink, 5));
  }

  @Test
  void epoch_time_written_as_text_is_a_date() throws IOException {
    Path f = Files.writeString(tmp.resolve("epoch-text.jsonl"),
        "{\"title\": \"Seconds\", \"timestamp_ignored\": 1, \"published\": \"1753439400\"}\n"
            + "{\"title\": \"Millis\", \"date\": \"1753439400000\"}\n");
    CollectingSink sink = CollectingSink.parse(CorpusFormat.JSONL, f);
    assertEquals(List.of(Instant.parse("2025-07-25T10:30:00Z"), Instant.parse("2025-07-25T10:30:00Z")),
        sink.accepted.stream().map(a -> a.article().published()).toList());
  }

  private static CollectingSink parseMixed() throws IOException {
    return CollectingSink.parse(CorpusFormat.JSONL, CollectingSink.fixture("jsonl/mixed.jsonl"));
  }

  private static String reason(CollectingSink sink, int line) {
    return sink.rejected.stream().filter(r -> r.line() == line).findFirst().orElseThrow().reason();
  }
}

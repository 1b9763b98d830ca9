package io.newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.article.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlParserTest {

  @TempDir Path tmp;

  @Test
  void metadata_comes_from_open_graph_and_meta_tags() throws IOException {
    Article a = parse("html/with_article.html");
    assertEquals("Harbour reopens after storm", a.title(), "' | Coast Gazette' suffix stripped");
    assertEquals(Instant.parse("2025-07-25T06:30:00Z"), a.published());
    assertEquals("en", a.language());
    assertEquals(List.of("storms", "weather", "ports"), a.tags());
    assertEquals("Coast Gazette", a.source());
    assertEquals("https://example.org/harbour", a.url(), "canonical wins over og:url");
    assertEquals("Jo Doe", a.author());
  }

  @Test
  void body_is_the_article_paragraphs_without_widgets_asides_and_scripts() throws IOException {
    Article a = parse("html/with_article.html");
    assertEquals("The harbour reopened on Tuesday after three days of closure, the port authority said."
        + "\n\nTwo cranes were damaged and will be repaired by the end of the month.", a.body());
  }

  @Test
  void without_article_tag_the_largest_paragraph_block_is_the_story() throws IOException {
    Path file = CollectingSink.fixture("html/no_article.html");
    assertEquals(CorpusFormat.HTML, CorpusFormat.detect(file).orElseThrow());
    Article a = CollectingSink.parse(CorpusFormat.HTML, file).only();
    assertEquals("Plage fermée après une pollution", a.title());
    assertEquals("fr", a.language());
    assertEquals(Instant.parse("2025-07-25T00:00:00Z"), a.published());
    assertTrue(a.body().startsWith("La plage principale est fermée"), a.body());
    assertEquals(3, a.body().split("\n\n").length, a.body());
    assertFalse(a.body().contains("Rechercher") || a.body().contains("Mentions"), a.body());
    assertNull(a.source());
    assertTrue(a.tags().isEmpty());
  }

  @Test
  void title_falls_back_to_h1_and_date_to_time_element() throws IOException {
    Path f = Files.writeString(tmp.resolve("bare.htm"), """
        <html><body><h1>Council approves budget</h1>
        <time datetime="2025-07-25T10:00:00Z">Friday</time>
        <p>The council approved next year's budget by a narrow vote.</p></body></html>""");
    Article a = CollectingSink.parse(CorpusFormat.HTML, f).only();
    assertEquals("Council approves budget", a.title());
    assertEquals(Instant.parse("2025-07-25T10:00:00Z"), a.published());
    assertEquals("The council approved next year's budget by a narrow vote.", a.body());
    assertNull(a.language());
  }

  /** Many sites give their date, authors and publisher only in the page's schema.org article. */
  @Test
  void metadata_missing_from_the_tags_comes_from_the_pages_json_ld() throws IOException {
    Path f = Files.writeString(tmp.resolve("ld.html"), """
        <html><head><title>Dam plan approved | Valley Times</title>
        <script type="application/ld+json">{not json at all</script>
        <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
          {"@type": "WebSite", "name": "Valley Times", "url": "https://valley.example"},
          {"@type": ["NewsArticle"], "headline": "Dam plan approved", "datePublished": "2025-07-24T18:30:00+02:00",
           "author": [{"@type": "Person", "name": "R. Ortiz"}, {"@type": "Person", "name": "L. Chen"}],
           "publisher": {"@type": "Organization", "name": "Valley Times"}, "inLanguage": "en-GB",
           "keywords": ["water", "energy"], "mainEntityOfPage": {"@id": "https://valley.example/dam"}}]}</script>
        </head><body><article><p>The regional council approved the dam plan on Thursday.</p></article></body></html>""");
    Article a = CollectingSink.parse(CorpusFormat.HTML, f).only();
    assertEquals("Dam plan approved", a.title(), "the JSON-LD headline before the page title");
    assertEquals(Instant.parse("2025-07-24T16:30:00Z"), a.published());
    assertEquals("R. Ortiz, L. Chen", a.author());
    assertEquals("Valley Times", a.source());
    assertEquals("en", a.language());
    assertEquals(java.util.List.of("water", "energy"), a.tags());
    assertEquals("The regional council approved the dam plan on Thursday.", a.body());
  }

  @Test
  void a_page_whose_text_is_drawn_by_script_is_read_from_its_json_ld_article_body() throws IOException {
    Path f = Files.writeString(tmp.resolve("app.html"), """
        <html><head><script type="application/ld+json">{"@type": "ReportageNewsArticle", "headline": "Ferry resumes",
        "articleBody": "The island ferry resumed service after the storm.", "datePublished": "2025-07-25"}</script>
        </head><body><div id="root"></div></body></html>""");
    Article a = CollectingSink.parse(CorpusFormat.HTML, f).only();
    assertEquals("Ferry resumes", a.title());
    assertEquals("The island ferry resumed service after the storm.", a.body());
    assertEquals(Instant.parse("2025-07-25T00:00:00Z"), a.published());
  }

  @Test
  void a_page_without_title_or_text_is_rejected() throws IOException {
    Path f = Files.writeString(tmp.resolve("empty.html"), "<html><head></head><body><script>x()</script></body></html>");
    CollectingSink sink = CollectingSink.parse(CorpusFormat.HTML, f);
    assertTrue(sink.accepted.isEmpty());
    assertEquals(1, sink.rejected.size());
  }

  @Test
  void site_suffix_is_only_stripped_when_it_names_the_site() {
    assertEquals("Storm", HtmlParser.withoutSiteSuffix("Storm | Gazette", "Gazette"));
    assertEquals("Storm - Gazette", HtmlParser.withoutSiteSuffix("Storm - Gazette", "Herald"));
    assertEquals("Storm | Gazette", HtmlParser.withoutSiteSuffix("Storm | Gazette", null));
  }

  private static Article parse(String fixture) throws IOException {
    return CollectingSink.parse(CorpusFormat.HTML, CollectingSink.fixture(fixture)).only();
  }
}

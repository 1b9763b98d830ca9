package io.newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newssearch.article.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Parses the real collections in {@code ../shared/data} (never copied into the project) and checks
 * their record counts. Skipped when they are absent, as on a fresh clone. Parse only, no indexing.
 */
class RealCollectionsTest {

  private static final Path DATA = Path.of("..", "shared", "data");

  @Test
  void reuters21578_has_21578_articles_in_22_sgml_files() throws IOException {
    Parsed p = parse("reuters21578", CorpusFormat.REUTERS_SGML);
    assertEquals(22, p.files);
    assertEquals(21_578, p.sink.accepted.size());
    assertEquals(List.of(), p.sink.rejected);
    Article first = p.sink.accepted.getFirst().article();
    assertEquals("reuters-1", first.id());
    assertEquals("BAHIA COCOA REVIEW", first.title());
    assertEquals(Instant.parse("1987-02-26T15:01:01Z"), first.published());
    assertEquals(List.of("cocoa", "el-salvador", "usa", "uruguay"), first.tags());
    assertTrue(p.sink.articles().stream().allMatch(a -> a.published() != null));
    // Some records are a headline only; one (NEWID 12793) is an empty UNPROC text, left to the validator.
    assertEquals(List.of("reuters-12793"), p.sink.articles().stream()
        .filter(a -> a.title() == null && a.body() == null).map(Article::id).toList());
  }

  @Test
  void europarl_line_docs_has_17597_articles() throws IOException {
    Parsed p = parse("lucene-europarl", CorpusFormat.LINE_DOC);
    assertEquals(17_597, p.sink.accepted.size());
    assertEquals(List.of(), p.sink.rejected);
    assertEquals("europarl-1", p.sink.accepted.getFirst().article().id());
  }

  @Test
  void masakhanews_has_20168_articles_in_16_languages() throws IOException {
    Parsed p = parse("masakhanews", CorpusFormat.MASAKHANEWS_TSV);
    assertEquals(20_168, p.sink.accepted.size());
    assertEquals(List.of(), p.sink.rejected);
    Map<String, Long> byLanguage = byLanguage(p);
    assertEquals(16, byLanguage.size(), byLanguage.toString());
  }

  @Test
  void iranian_news_has_4965_persian_articles() throws IOException {
    Parsed p = parse("iranian-news-fa", CorpusFormat.PERSIAN_NEWS);
    assertEquals(4_965, p.sink.accepted.size());
    assertEquals(List.of(), p.sink.rejected);
    assertTrue(p.sink.articles().stream().allMatch(a -> a.published() != null && !a.body().isEmpty()));
  }

  @Test
  void multilingual_news_csv_has_1389_articles() throws IOException {
    Parsed p = parse("multilingual-news-en-ar-ku", CorpusFormat.CSV);
    assertEquals(1_389, p.sink.accepted.size());
    assertEquals(List.of(), p.sink.rejected);
    assertEquals(Map.of("ar", 283L, "en", 604L, "ku", 502L), byLanguage(p));
  }

  @Test
  void gnad_test_csv_has_1028_german_articles() throws IOException {
    Parsed p = parse("10kGNAD-de-test", CorpusFormat.GNAD_CSV);
    assertEquals(1_028, p.sink.accepted.size());
    assertEquals(List.of(), p.sink.rejected);
  }

  @Test
  void time_1963_has_423_articles_named_as_the_qrels_name_them() throws IOException {
    Parsed p = parse("time-1963", CorpusFormat.TIME);
    assertEquals(423, p.sink.accepted.size());
    assertEquals(List.of(), p.sink.rejected);
    assertEquals("time-17", p.sink.accepted.getFirst().article().id());
    assertEquals(Instant.parse("1963-01-04T00:00:00Z"), p.sink.accepted.getFirst().article().published());
  }

  private record Parsed(int files, CollectingSink sink) {}

  private static Map<String, Long> byLanguage(Parsed p) {
    Map<String, Long> counts = new TreeMap<>();
    p.sink.articles().forEach(a -> counts.merge(a.language(), 1L, Long::sum));
    return counts;
  }

  /** Every file of the collection detected as {@code format}, parsed into one sink. */
  private static Parsed parse(String collection, CorpusFormat format) throws IOException {
    Path root = DATA.resolve(collection);
    assumeTrue(Files.isDirectory(root), "real collection not present: " + root.toAbsolutePath());
    CollectingSink sink = new CollectingSink();
    int files = 0;
    for (CorpusFile f : CorpusWalker.list(List.of(root)).files()) {
      if (f.format() != format) continue;
      files++;
      format.parser().parse(f.path(), sink);
    }
    return new Parsed(files, sink);
  }
}

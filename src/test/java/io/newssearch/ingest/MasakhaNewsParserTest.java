package io.newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.article.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasakhaNewsParserTest {

  @TempDir Path tmp;

  @Test
  void rows_become_articles_with_category_tag_and_multi_line_text() throws IOException {
    CollectingSink sink = CollectingSink.parse(CorpusFormat.MASAKHANEWS_TSV, CollectingSink.fixture("masakhanews/data/pcm/test.tsv"));
    Article a = sink.accepted.getFirst().article();
    assertEquals("masakhanews-pcm-test-1", a.id());
    assertEquals("Local team wins cup", a.title());
    assertEquals("The local team won the cup on Saturday.\nFans celebrated in the square.", a.body());
    assertEquals("/news/sports-1", a.url());
    assertEquals(List.of("sports"), a.tags());
    assertEquals("MasakhaNEWS", a.source());
    assertEquals("pcm", a.language(), "Nigerian Pidgin has no ISO 639-1 code: the folder's code is kept");
    assertEquals(List.of(2, 4), sink.accepted.stream().map(CollectingSink.Accepted::line).toList());
  }

  @Test
  void a_row_with_missing_columns_is_rejected_with_its_line() throws IOException {
    CollectingSink sink = CollectingSink.parse(CorpusFormat.MASAKHANEWS_TSV, CollectingSink.fixture("masakhanews/data/pcm/test.tsv"));
    assertEquals(List.of(5), sink.rejected.stream().map(CollectingSink.Rejected::line).toList());
    assertTrue(sink.rejected.getFirst().reason().contains("found 2"));
  }

  @Test
  void three_letter_folder_codes_map_to_two_letter_ones_where_they_exist() throws IOException {
    Article a = CollectingSink.parse(CorpusFormat.MASAKHANEWS_TSV, CollectingSink.fixture("masakhanews/data/hau/dev.tsv")).only();
    assertEquals("ha", a.language());
    assertEquals("masakhanews-hau-dev-1", a.id());
    assertEquals("en", MasakhaNewsParser.language("eng"));
    assertEquals("lg", MasakhaNewsParser.language("lug"));
  }

  @Test
  void only_tsvs_with_the_masakhanews_header_are_detected_as_such() throws IOException {
    assertEquals(Optional.of(CorpusFormat.MASAKHANEWS_TSV), CorpusFormat.detect(CollectingSink.fixture("masakhanews/data/hau/dev.tsv")));
    Path queries = Files.writeString(tmp.resolve("queries.tsv"), "1\tkennedy nuclear\n");
    assertEquals(Optional.empty(), CorpusFormat.detect(queries));
  }
}

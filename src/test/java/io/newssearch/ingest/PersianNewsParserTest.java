package io.newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.article.Article;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersianNewsParserTest {

  @Test
  void header_fields_tags_and_sentences_are_read() throws IOException {
    Article a = parse("persian/tabnak_data_1.txt").only();
    assertEquals("tabnak-1001", a.id());
    assertEquals("بازگشایی کتابخانه شهر", a.title());
    assertEquals("https://example.ir/fa/news/1001/کتابخانه", a.url());
    assertEquals("tabnak", a.source());
    assertEquals("fa", a.language());
    assertEquals(List.of("فرهنگی", "اجتماعی", "کتابخانه", "کتاب\u200cخوانی"), a.tags());
    assertEquals("کتابخانه مرکزی شهر پس از بازسازی دوباره باز شد. ساعت کار کتابخانه از هشت صبح تا هشت شب است.", a.body());
  }

  @Test
  void tehran_time_becomes_utc() throws IOException {
    // Iran Standard Time is UTC+3:30 in January.
    assertEquals(Instant.parse("2020-01-08T06:55:00Z"), parse("persian/tabnak_data_1.txt").only().published());
    assertEquals(Instant.parse("2020-01-07T14:35:00Z"), parse("persian/sobhane1_7.txt").only().published());
  }

  @Test
  void a_nan_title_is_no_title_and_a_bare_category_is_a_tag() throws IOException {
    Article a = parse("persian/sobhane1_7.txt").only();
    assertNull(a.title());
    assertEquals("sobhane-77", a.id());
    assertEquals(List.of("گوناگون", "باران", "هواشناسی"), a.tags());
  }

  @Test
  void an_unreadable_date_rejects_the_file_on_line_1() throws IOException {
    CollectingSink sink = parse("persian/bad_date.txt");
    assertTrue(sink.accepted.isEmpty());
    assertEquals(1, sink.rejected.getFirst().line());
    assertTrue(sink.rejected.getFirst().reason().contains("unparseable date 'دیروز'"));
  }

  @Test
  void txt_files_with_a_hash_header_are_detected() throws IOException {
    assertEquals(CorpusFormat.PERSIAN_NEWS, CorpusFormat.detect(CollectingSink.fixture("persian/sobhane1_7.txt")).orElseThrow());
    assertEquals(CorpusFormat.RAW_TEXT, CorpusFormat.detect(CollectingSink.fixture("raw/en_heatwave.txt")).orElseThrow());
  }

  private static CollectingSink parse(String fixture) throws IOException {
    return CollectingSink.parse(CorpusFormat.PERSIAN_NEWS, CollectingSink.fixture(fixture));
  }
}

package io.newssearch.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleValidatorTest {

  private static Article published(Instant when) {
    return new Article("a", null, "Harbour reopens", "The harbour reopened.", when, "en", List.of(), null, null);
  }

  @Test
  void dates_in_years_1_to_9999_are_accepted() {
    assertEquals(List.of(), ArticleValidator.problems(published(Instant.parse("0001-01-01T00:00:00Z"))));
    assertEquals(List.of(), ArticleValidator.problems(published(Instant.parse("9999-12-31T23:59:59Z"))));
    assertEquals(List.of(), ArticleValidator.problems(published(null)));
  }

  @Test
  void dates_outside_years_1_to_9999_are_named_as_the_problem() {
    for (Instant when : List.of(Instant.parse("0000-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"),
        Instant.MIN, Instant.MAX)) {
      List<String> problems = ArticleValidator.problems(published(when));
      assertEquals(1, problems.size(), when.toString());
      assertTrue(problems.get(0).contains("outside the years 1 to 9999"), problems.get(0));
    }
  }

  /** Each is one exact term in the index, which Lucene caps at 32,766 bytes: named, not an internal error. */
  @Test
  void an_overlong_id_tag_or_source_is_named_as_the_problem() {
    String big = "x".repeat(40_000);
    assertEquals(List.of("id longer than 2048 characters", "a tag longer than 512 characters",
        "source longer than 512 characters"),
        ArticleValidator.problems(new Article(big, null, "Title", "Body.", null, "en", List.of("ok", big), big, null)));
    String longest = "y".repeat(512);
    assertEquals(List.of(), ArticleValidator.problems(
        new Article("z".repeat(2_048), null, "Title", "Body.", null, "en", List.of(longest), longest, null)));
  }
}

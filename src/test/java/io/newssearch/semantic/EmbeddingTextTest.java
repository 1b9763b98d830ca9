package io.newssearch.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EmbeddingTextTest {

  @Test
  void title_then_the_first_words_of_the_body() {
    assertEquals("Bank raises rates\nThe central bank raised", EmbeddingText.of("Bank raises rates",
        "The central bank raised its rate today.", 4));
  }

  @Test
  void the_lede_stops_at_two_hundred_words_and_collapses_whitespace() {
    StringBuilder body = new StringBuilder();
    for (int i = 1; i <= 250; i++) {
      body.append("w").append(i).append(i % 10 == 0 ? "\n\n" : " \t");
    }
    String text = EmbeddingText.of("Title", body.toString());
    String lede = text.substring("Title\n".length());
    assertEquals(EmbeddingText.LEDE_WORDS, lede.split(" ").length);
    assertEquals("w1 w2 w3", lede.substring(0, 8));
    assertEquals(true, lede.endsWith(" w200"));
  }

  @Test
  void a_title_the_body_starts_with_is_not_repeated() {
    // TIME's reader makes the first sentence the title
    assertEquals("THE NAVY LAUNCHED A SUBMARINE . IT CARRIES", EmbeddingText.of("THE NAVY  LAUNCHED A SUBMARINE .",
        "THE NAVY LAUNCHED A SUBMARINE . IT CARRIES POLARIS MISSILES .", 8));
  }

  @Test
  void missing_parts_leave_what_there_is() {
    assertEquals("Only a title", EmbeddingText.of("Only a title", null));
    assertEquals("Only a body", EmbeddingText.of(null, "Only a body"));
    assertEquals("Only a body", EmbeddingText.of("  ", "Only a body"));
    assertEquals("", EmbeddingText.of(null, "  \n "));
  }
}

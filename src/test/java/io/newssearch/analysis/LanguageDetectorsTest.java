package io.newssearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.story.StoryFixtures;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageDetectorsTest {

  /** Loaded once: the model takes about a second. */
  private static LanguageDetector detector;

  @BeforeAll
  static void load() {
    detector = LanguageDetectors.standard();
  }

  @Test
  void standard_is_built_once() {
    assertSame(detector, LanguageDetectors.standard());
  }

  @Test
  void a_clear_sentence_gets_its_language() {
    Map<String, List<String>> samples = DetectionSamples.byLanguage();
    for (String lang : List.of("en", "ru", "fa", "ar", "de", "fr", "es", "it", "pt", "tr", "nl", "pl", "uk", "zh", "ja")) {
      for (String sentence : samples.get(lang)) {
        assertEquals(lang, detector.detect(sentence), sentence);
      }
    }
  }

  @Test
  void a_paragraph_gets_its_language() {
    DetectionSamples.byLanguage().forEach((lang, sentences) ->
        assertEquals(lang, detector.detect(String.join(" ", sentences)), lang));
  }

  @Test
  void empty_or_very_short_text_is_undetermined() {
    for (String text : new String[] {null, "", "   ", "ok", "OK!", "12:30", "Hello"}) {
      assertEquals("und", detector.detect(text), () -> "[" + text + "]");
    }
  }

  /**
   * A short text's function words are a second opinion: the model took the first of these for
   * Norwegian and left the others undetermined. They never make a language that has no list here
   * into one that has: Swahili's "ya" and "na" are Spanish and Portuguese function words too.
   */
  @Test
  void a_short_texts_function_words_decide_what_the_model_cannot() {
    assertEquals("en", detector.detect("Dam opens\nThe new dam opened on Monday."));
    assertEquals("en", detector.detect("Bridge closed\nThe old bridge is closed for repairs until June."));
    assertEquals("en", detector.detect("Ferry service resumes\nThe island ferry resumed service after the storm."));
    String swahili = "Serikali ya Kenya na Tanzania ya kwanza";
    assertTrue(!detector.detect(swahili).equals("es") && !detector.detect(swahili).equals("pt"), detector.detect(swahili));
  }

  @Test
  void headline_fragments_are_undetermined_rather_than_wrong() {
    assertEquals("und", detector.detect("Marinen inledde på"));
    assertEquals("und", detector.detect("The navy began"));
  }

  @Test
  void cjk_and_greek_are_read_off_the_script() {
    assertEquals("zh", detector.detect("演习开始"));
    assertEquals("ja", detector.detect("演習を開始"));
    assertEquals("ko", detector.detect("해군 훈련"));
    assertEquals("el", detector.detect("Το πολεμικό ναυτικό"));
  }

  @Test
  void long_text_is_detected_from_its_start() throws IOException {
    String german = String.join(" ", DetectionSamples.byLanguage().get("de"));
    while (german.length() < OpenNlpLanguageDetector.MAX_CHARS) {
      german = german + " " + german;
    }
    // Many different English sentences: the model weighs each distinct letter sequence once, so a
    // repeated sentence would not outweigh the German.
    String english = StoryFixtures.load().stream().map(l -> l.article().body()).collect(Collectors.joining(" "));
    assertEquals("en", detector.detect(english));
    assertEquals("de", detector.detect(german + " " + english), "only the start is read");
  }

  @Test
  void detection_is_thread_safe() throws InterruptedException {
    String en = DetectionSamples.byLanguage().get("en").get(0);
    String ru = DetectionSamples.byLanguage().get("ru").get(0);
    Thread[] threads = new Thread[4];
    String[] got = new String[threads.length];
    for (int i = 0; i < threads.length; i++) {
      int n = i;
      threads[i] = new Thread(() -> {
        String result = "";
        for (int k = 0; k < 50; k++) {
          result = detector.detect(n % 2 == 0 ? en : ru);
        }
        got[n] = result;
      });
      threads[i].start();
    }
    for (int i = 0; i < threads.length; i++) {
      threads[i].join();
      assertEquals(i % 2 == 0 ? "en" : "ru", got[i]);
    }
  }
}

package io.newssearch.analysis;

/** Guesses the language of a text. Implementations are thread-safe. */
public interface LanguageDetector {

  /** ISO 639-1 code of the text's language, or {@code "und"} when the text is too short or unclear. */
  String detect(String text);
}

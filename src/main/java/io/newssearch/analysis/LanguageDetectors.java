package io.newssearch.analysis;

/** Builds the language detector newssearch uses. */
public final class LanguageDetectors {

  private LanguageDetectors() {}

  /**
   * The detector for ingest: OpenNLP's model, thread-safe, loaded once per process on first call
   * (about 0.8 s and 35 MB of heap; see docs/language-detection.md).
   */
  public static LanguageDetector standard() {
    return Standard.INSTANCE;
  }

  /** Holder idiom: the JVM loads the model once, on first use, without locks on later calls. */
  private static final class Standard {
    static final LanguageDetector INSTANCE = OpenNlpLanguageDetector.load();
  }
}

package io.newssearch.analysis;

import io.newssearch.article.Article;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.langdetect.ThreadSafeLanguageDetectorME;

/**
 * Language detection with Apache OpenNLP's 103-language model (langdetect-183.bin, shipped in the
 * opennlp-models-langdetect jar); docs/language-detection.md says why this one.
 *
 * <p>Steps: a script that names its language ({@link ScriptRules}: CJK, Greek, Thai...) → that
 * language, from {@link #MIN_SCRIPT_LETTERS} letters on; fewer than {@link #MIN_LETTERS} letters →
 * "und"; otherwise the model, with its scores summed per ISO 639-1 code
 * (it scores Iranian Persian and Persian, Mandarin... separately) and languages without such a
 * code set aside (Low German, Asturian: no analyzer would use them). The best code must beat the
 * runner-up by {@link #MIN_MARGIN}, or the answer is "und". A wrong code is worse than "und": it
 * picks a stemmer for the wrong language, while "und" still gets the fallback analyzer's folding.
 */
final class OpenNlpLanguageDetector implements LanguageDetector {

  /** Model resource inside the opennlp-models-langdetect jar. */
  static final String MODEL_RESOURCE = "/langdetect-183.bin";

  /**
   * Below this many letters the model's n-gram evidence is noise: on our samples three-word
   * headlines (15-30 letters) came out as Latvian, Estonian or Bokmål, some with a clear margin.
   */
  static final int MIN_LETTERS = 25;

  /** A script rule needs far less text than the model: two Han characters are already a word. */
  static final int MIN_SCRIPT_LETTERS = 4;

  /**
   * Best score must be at least this multiple of the second best. Our sample sentences scored
   * 1.3-9x (Portuguese over Galician the lowest); headline fragments mostly under 1.2x.
   */
  static final double MIN_MARGIN = 1.2;

  /**
   * Only the start is read: the headline and a few sentences settle the language, and the model's
   * cost grows with the text (docs/language-detection.md: 400 characters decided 14,000 labelled
   * articles as rightly as 1,000, in 0.2 ms instead of 0.36).
   */
  static final int MAX_CHARS = 400;

  /** Below this many letters the function words are asked too ({@link #secondOpinion}). */
  static final int SHORT_LETTERS = 200;

  /** How high the model must rank the function words' language for them to overrule it. */
  static final int SECOND_OPINION_RANKS = 3;

  private final ThreadSafeLanguageDetectorME detector;

  private OpenNlpLanguageDetector(LanguageDetectorModel model) {
    this.detector = new ThreadSafeLanguageDetectorME(model);
  }

  /** Loads the model from the classpath; fails loudly if the model jar is missing. */
  static OpenNlpLanguageDetector load() {
    try (InputStream in = OpenNlpLanguageDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("language model " + MODEL_RESOURCE
            + " not on the classpath: is org.apache.opennlp:opennlp-models-langdetect a dependency?");
      }
      return new OpenNlpLanguageDetector(new LanguageDetectorModel(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read language model " + MODEL_RESOURCE, e);
    }
  }

  @Override
  public String detect(String text) {
    if (text == null) {
      return Article.UNDETERMINED;
    }
    String head = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    int letters = letterCount(head);
    if (letters < MIN_SCRIPT_LETTERS) {
      return Article.UNDETERMINED;
    }
    Optional<String> byScript = ScriptRules.languageOf(head);
    if (byScript.isPresent()) {
      return byScript.get();
    }
    Map<String, Double> scores = new HashMap<>();
    for (Language l : detector.predictLanguages(head)) {
      IsoCodes.toIso6391(l.getLang()).ifPresent(code -> scores.merge(code, l.getConfidence(), Double::sum));
    }
    String best = Article.UNDETERMINED;
    double first = 0, second = 0;
    for (Map.Entry<String, Double> e : scores.entrySet()) {
      if (e.getValue() > first) {
        second = first;
        first = e.getValue();
        best = e.getKey();
      } else if (e.getValue() > second) {
        second = e.getValue();
      }
    }
    String model = letters >= MIN_LETTERS && first >= MIN_MARGIN * second ? best : Article.UNDETERMINED;
    return letters < SHORT_LETTERS ? secondOpinion(head, model, scores) : model;
  }

  /**
   * On a short text, the function words may overrule the model ({@link FunctionWords}): they
   * decide a text the model left undetermined, and replace an answer none of whose function words
   * the text holds. Only for a language the model itself ranks among its first few, so that a
   * language without a list here (Swahili's "ya" and "na" are Spanish and Portuguese function
   * words too) is never taken for another.
   */
  private static String secondOpinion(String text, String model, Map<String, Double> scores) {
    Optional<String> words = FunctionWords.dominant(text);
    if (words.isEmpty() || words.get().equals(model) || !amongFirst(words.get(), scores)) {
      return model;
    }
    boolean modelUnchecked = model.equals(Article.UNDETERMINED)
        || (FunctionWords.knows(model) && FunctionWords.count(text, model) == 0);
    return modelUnchecked ? words.get() : model;
  }

  private static boolean amongFirst(String language, Map<String, Double> scores) {
    Double s = scores.get(language);
    return s != null && scores.values().stream().filter(v -> v > s).count() < SECOND_OPINION_RANKS;
  }

  private static int letterCount(String text) {
    return (int) text.codePoints().filter(Character::isLetter).count();
  }
}

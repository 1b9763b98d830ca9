package io.newssearch.analysis;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Hand-run comparison of language detectors; produced the figures in docs/language-detection.md.
 *
 * <p>Not a test: it lives outside src/test (only the {@code detector-comparison} Maven profile
 * compiles it, with lingua and optimaize, which the product does not ship), loads up to 1 GB of
 * models and times things. Each candidate runs in its own JVM because lingua keeps its models in
 * static maps, so heap and load time would leak between candidates in one process. Run:
 *
 * <pre>
 * mvn -q -Pdetector-comparison test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * for c in standard opennlp optimaize lingua-news-low-lazy lingua-news-low-preload \
 *          lingua-news-high-lazy lingua-news-high-preload lingua-all-low-lazy lingua-all-high-lazy; do
 *   java -Xmx6g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     io.newssearch.analysis.LanguageDetectionComparison $c
 * done
 * </pre>
 *
 * <p>"opennlp" is the bare model (always answers); "standard" is {@link LanguageDetectors#standard()},
 * the same model behind newssearch's "und" rules.
 */
public final class LanguageDetectionComparison {

  /** Texts of three sizes: a headline fragment, a sentence, a short paragraph. */
  private enum Size { TINY, SHORT, MEDIUM }

  private record Sample(String lang, Size size, String text) {}

  private LanguageDetectionComparison() {}

  public static void main(String[] args) {
    // optimaize logs every detection at DEBUG, which logback prints by default.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.INFO);
    String candidate = args.length > 0 ? args[0] : "lingua-news-low-lazy";
    List<Sample> samples = samples();
    long heapBefore = usedHeap();
    long t0 = System.nanoTime();
    LanguageDetector detector = build(candidate);
    long loadMs = (System.nanoTime() - t0) / 1_000_000;
    long heapAfterLoad = usedHeap() - heapBefore;

    // Accuracy pass doubles as the first use, which is when lazy candidates load their models.
    long t1 = System.nanoTime();
    Map<String, int[]> byLangSize = new LinkedHashMap<>();
    List<String> misses = new ArrayList<>();
    for (Sample s : samples) {
      String got = detector.detect(s.text());
      int[] counts = byLangSize.computeIfAbsent(s.lang() + "/" + s.size(), k -> new int[3]);
      counts[1]++;
      if (got.equals(s.lang())) {
        counts[0]++;
      } else if (got.equals("und")) {
        counts[2]++;
      }
      if (!got.equals(s.lang()) && s.size() != Size.TINY) {
        misses.add(s.lang() + "->" + got + " " + s.size());
      }
    }
    long firstPassMs = (System.nanoTime() - t1) / 1_000_000;
    long heapAfterUse = usedHeap() - heapBefore;

    double[] msPerText = timePerText(detector, samples);

    System.out.printf(Locale.ROOT, "candidate=%s load_ms=%d first_pass_ms=%d heap_after_load_mb=%d heap_after_use_mb=%d%n",
        candidate, loadMs, firstPassMs, heapAfterLoad >> 20, heapAfterUse >> 20);
    System.out.printf(Locale.ROOT, "ms_per_text short=%.3f medium=%.3f%n", msPerText[0], msPerText[1]);
    for (Size size : Size.values()) {
      int ok = 0, all = 0, und = 0;
      StringBuilder perLang = new StringBuilder();
      for (var e : byLangSize.entrySet()) {
        if (e.getKey().endsWith("/" + size)) {
          ok += e.getValue()[0];
          all += e.getValue()[1];
          und += e.getValue()[2];
          perLang.append(e.getKey(), 0, e.getKey().indexOf('/')).append('=').append(e.getValue()[0])
              .append('/').append(e.getValue()[1]).append(' ');
        }
      }
      System.out.printf(Locale.ROOT, "accuracy %s %d/%d (und %d, wrong %d)  %s%n", size, ok, all, und,
          all - ok - und, perLang);
    }
    System.out.println("misses (short/medium): " + misses);
  }

  /** Milliseconds per text over 1,000 short and 1,000 medium texts, after a warm-up. */
  private static double[] timePerText(LanguageDetector detector, List<Sample> samples) {
    List<String> shortTexts = samples.stream().filter(s -> s.size() == Size.SHORT).map(Sample::text).toList();
    List<String> mediumTexts = samples.stream().filter(s -> s.size() == Size.MEDIUM).map(Sample::text).toList();
    for (int i = 0; i < 1000; i++) {
      detector.detect(shortTexts.get(i % shortTexts.size()));
    }
    return new double[] {timeThousand(detector, shortTexts), timeThousand(detector, mediumTexts)};
  }

  private static double timeThousand(LanguageDetector detector, List<String> texts) {
    long t = System.nanoTime();
    int sink = 0;
    for (int i = 0; i < 1000; i++) {
      sink += detector.detect(texts.get(i % texts.size())).length();
    }
    if (sink == 0) {
      throw new IllegalStateException("detector returned nothing");
    }
    return (System.nanoTime() - t) / 1e6 / 1000;
  }

  private static LanguageDetector build(String candidate) {
    Map<String, Supplier<LanguageDetector>> candidates = new LinkedHashMap<>();
    candidates.put("lingua-news-low-lazy", () -> lingua(LanguageDetectorBuilder.fromLanguages(NEWS), true, false));
    candidates.put("lingua-news-low-preload", () -> lingua(LanguageDetectorBuilder.fromLanguages(NEWS), true, true));
    candidates.put("lingua-news-high-lazy", () -> lingua(LanguageDetectorBuilder.fromLanguages(NEWS), false, false));
    candidates.put("lingua-news-high-preload", () -> lingua(LanguageDetectorBuilder.fromLanguages(NEWS), false, true));
    candidates.put("lingua-all-low-lazy", () -> lingua(LanguageDetectorBuilder.fromAllLanguages(), true, false));
    candidates.put("lingua-all-high-lazy", () -> lingua(LanguageDetectorBuilder.fromAllLanguages(), false, false));
    candidates.put("optimaize", LanguageDetectionComparison::optimaize);
    candidates.put("opennlp", LanguageDetectionComparison::opennlp);
    candidates.put("standard", LanguageDetectors::standard);
    Supplier<LanguageDetector> s = candidates.get(candidate);
    if (s == null) {
      throw new IllegalArgumentException("unknown candidate [" + candidate + "], expected one of " + candidates.keySet());
    }
    return s.get();
  }

  /** The ~40 languages newssearch's sources publish in; restricting lingua to them saves memory. */
  static final Language[] NEWS = {
    Language.ENGLISH, Language.RUSSIAN, Language.UKRAINIAN, Language.PERSIAN, Language.ARABIC,
    Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.ITALIAN, Language.PORTUGUESE,
    Language.TURKISH, Language.CHINESE, Language.JAPANESE, Language.KOREAN, Language.DUTCH,
    Language.POLISH, Language.SWEDISH, Language.DANISH, Language.BOKMAL, Language.FINNISH,
    Language.CZECH, Language.SLOVAK, Language.HUNGARIAN, Language.ROMANIAN, Language.BULGARIAN,
    Language.SERBIAN, Language.CROATIAN, Language.GREEK, Language.HEBREW, Language.HINDI,
    Language.URDU, Language.BENGALI, Language.INDONESIAN, Language.MALAY, Language.VIETNAMESE,
    Language.THAI, Language.SOMALI, Language.SWAHILI, Language.AZERBAIJANI, Language.GEORGIAN,
    Language.ARMENIAN, Language.KAZAKH, Language.CATALAN
  };

  private static LanguageDetector lingua(LanguageDetectorBuilder b, boolean low, boolean preload) {
    if (low) {
      b = b.withLowAccuracyMode();
    }
    if (preload) {
      b = b.withPreloadedLanguageModels();
    }
    var d = b.build();
    return text -> {
      Language l = d.detectLanguageOf(text);
      return l == Language.UNKNOWN ? "und" : l.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    };
  }

  private static LanguageDetector optimaize() {
    try {
      var profiles = new LanguageProfileReader().readAllBuiltIn();
      var d = com.optimaize.langdetect.LanguageDetectorBuilder.create(NgramExtractors.standard())
          .withProfiles(profiles).build();
      TextObjectFactory texts = CommonTextObjectFactories.forDetectingShortCleanText();
      return text -> {
        var probs = d.getProbabilities(texts.forText(text));
        return probs.isEmpty() ? "und" : probs.get(0).getLocale().getLanguage();
      };
    } catch (IOException e) {
      throw new UncheckedIOException("optimaize profiles", e);
    }
  }

  private static LanguageDetector opennlp() {
    try (InputStream in = LanguageDetectionComparison.class.getResourceAsStream("/langdetect-183.bin")) {
      var model = new LanguageDetectorModel(in);
      ThreadLocal<LanguageDetectorME> me = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
      return text -> {
        String l = me.get().predictLanguage(text).getLang();
        return IsoCodes.toIso6391(l).orElse(l);
      };
    } catch (IOException e) {
      throw new UncheckedIOException("opennlp model", e);
    }
  }

  private static List<Sample> samples() {
    Map<String, List<String>> byLang = DetectionSamples.byLanguage();
    List<Sample> out = new ArrayList<>();
    for (var e : byLang.entrySet()) {
      for (String sentence : e.getValue()) {
        out.add(new Sample(e.getKey(), Size.SHORT, sentence));
        out.add(new Sample(e.getKey(), Size.TINY, DetectionSamples.headlineFragment(sentence)));
      }
      out.add(new Sample(e.getKey(), Size.MEDIUM, String.join(" ", e.getValue())));
    }
    return out;
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}

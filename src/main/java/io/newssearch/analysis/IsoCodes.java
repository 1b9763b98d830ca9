package io.newssearch.analysis;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** ISO 639-3 (what OpenNLP's model answers) to ISO 639-1 (what newssearch stores). */
final class IsoCodes {

  private static final Map<String, String> THREE_TO_TWO = build();

  private IsoCodes() {}

  /** The two-letter code, or empty for languages that have none (Cebuano, Low German...). */
  static Optional<String> toIso6391(String iso6393) {
    return Optional.ofNullable(THREE_TO_TWO.get(iso6393));
  }

  private static Map<String, String> build() {
    Map<String, String> m = new HashMap<>();
    for (String two : Locale.getISOLanguages()) {
      m.put(Locale.of(two).getISO3Language(), two);
    }
    // The model names individual languages where ISO 639-1 only has the macro-language
    // (Iranian Persian, Mandarin, Standard Malay...), and Locale still answers some withdrawn
    // two-letter codes (iw, in, ji): pin the ones feeds use today.
    m.putAll(Map.of("pes", "fa", "prs", "fa", "cmn", "zh", "zsm", "ms", "arz", "ar", "ekk", "et",
        "lvs", "lv", "nob", "nb", "nno", "nb"));
    m.putAll(Map.of("swh", "sw", "heb", "he", "ind", "id", "yid", "yi", "azj", "az", "uzn", "uz",
        "khk", "mn", "npi", "ne", "ory", "or"));
    m.putAll(Map.of("plt", "mg", "gug", "gn", "ydd", "yi", "als", "sq", "pbu", "ps", "lzh", "zh", "yue", "zh"));
    return Map.copyOf(m);
  }
}

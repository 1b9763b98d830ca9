package io.newssearch.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The hand-written news sentences in detection-samples.tsv, shared by detection tests and the comparison. */
final class DetectionSamples {

  private static final String RESOURCE = "detection-samples.tsv";

  private DetectionSamples() {}

  /** Sentences per ISO 639-1 code, in file order. */
  static Map<String, List<String>> byLanguage() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (InputStream in = DetectionSamples.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + RESOURCE);
      }
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t", 2);
        out.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE, e);
    }
    return out;
  }

  /** A headline-sized piece: the first three words, or six characters for scripts without spaces. */
  static String headlineFragment(String sentence) {
    String[] words = sentence.split("\\s+");
    if (words.length < 3) {
      return sentence.substring(0, Math.min(6, sentence.length()));
    }
    return String.join(" ", words[0], words[1], words[2]);
  }
}

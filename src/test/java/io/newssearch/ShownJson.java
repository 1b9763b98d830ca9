package io.newssearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Whether an answer matches, in substance, the JSON a README shows for it. The README abbreviates:
 * {@code "..."} stands for any value, {@code [...]} and {@code {...}} for any array or object, a
 * trailing {@code , ...} for more members, and {@code "... <mark>Naval</mark> ..."} for a text
 * holding those parts. Every key shown must be there with the value shown (a number to the
 * decimals shown); members not shown may be anything; values that change from run to run (the
 * time taken, the commit time, the size on disk, a score) are not compared. A block that starts with
 * {@code "key":} is a fragment, matched by any object inside the answer.
 */
final class ShownJson {

  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Not compared. A score among them: BM25 reads the index's statistics, which count an article's
   * replaced versions until a background merge drops them, so after the README's writes the same
   * hit scores 4.37 in one run and 4.74 in another.
   */
  private static final Set<String> VOLATILE = Set.of("took_ms", "last_commit", "size_on_disk_bytes", "elapsed_ms",
      "segments", "score");
  /** A number under this name is a part of a score (an explanation's); under it a text is a facet value. */
  private static final String SCORE_PART = "value";
  /**
   * Texts that spell out scores (an explanation's one-line sum): compared with their numbers left
   * out, for the reason above. The order of a feedback detail's words follows their weights, which
   * move with the same statistics: the README shows its first words and "...".
   */
  private static final Set<String> TEXT_WITH_SCORES = Set.of("summary");
  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d+(\\.\\d+)?");

  private ShownJson() {}

  /** The differences, empty when the answer matches. */
  static List<String> differences(String shown, JsonNode actual) throws Exception {
    String text = shown.strip()
        .replaceAll("\\[\\s*\\.\\.\\.\\s*]", "\"...\"")
        .replaceAll("\\{\\s*\\.\\.\\.\\s*}", "\"...\"")
        .replaceAll(",\\s*\\.\\.\\.\\s*(?=[}\\]])", "");
    boolean fragment = text.startsWith("\"");
    JsonNode expected = JSON.readTree(fragment ? "{" + text + "}" : text);
    if (!fragment) {
      List<String> diffs = new ArrayList<>();
      compare("", expected, actual, diffs);
      return diffs;
    }
    List<String> closest = null;
    boolean closestHasKeys = false;
    for (JsonNode candidate : objects(actual, new ArrayList<>())) {
      List<String> diffs = new ArrayList<>();
      compare("", expected, candidate, diffs);
      if (diffs.isEmpty()) {
        return diffs;
      }
      // An object holding the fragment's keys is the one to report, even with more differences:
      // "explanation: missing" from some other object says nothing about the explanation answered.
      boolean hasKeys = hasKeysOf(expected, candidate);
      if (closest == null || (hasKeys && !closestHasKeys) || (hasKeys == closestHasKeys && diffs.size() < closest.size())) {
        closest = diffs;
        closestHasKeys = hasKeys;
      }
    }
    return closest == null ? List.of("no object in the answer") : closest;
  }

  private static boolean hasKeysOf(JsonNode expected, JsonNode candidate) {
    for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
      if (!candidate.has(names.next())) {
        return false;
      }
    }
    return true;
  }

  private static List<JsonNode> objects(JsonNode node, List<JsonNode> out) {
    if (node.isObject()) {
      out.add(node);
    }
    node.forEach(child -> objects(child, out));
    return out;
  }

  private static void compare(String path, JsonNode shown, JsonNode actual, List<String> diffs) {
    if (shown.isTextual() && shown.asText().equals("...")) {
      return;
    }
    if (actual == null || actual.isMissingNode()) {
      diffs.add(path + ": missing");
    } else if (shown.isObject()) {
      for (Iterator<String> names = shown.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (TEXT_WITH_SCORES.contains(name) && shown.get(name).isTextual() && actual.has(name)) {
          String without = NUMBER.matcher(shown.get(name).asText()).replaceAll("#");
          if (!without.equals(NUMBER.matcher(actual.get(name).asText()).replaceAll("#"))) {
            diffs.add(path + "/" + name + ": shown " + shown.get(name) + ", answered " + actual.get(name));
          }
        } else if (!VOLATILE.contains(name) && !(name.equals(SCORE_PART) && shown.get(name).isNumber())) {
          compare(path + "/" + name, shown.get(name), actual.get(name), diffs);
        } else if (!actual.has(name)) {
          diffs.add(path + "/" + name + ": missing");
        }
      }
    } else if (shown.isArray()) {
      if (!actual.isArray() || actual.size() < shown.size()) {
        diffs.add(path + ": shown " + shown + ", answered " + actual);
        return;
      }
      for (int i = 0; i < shown.size(); i++) {
        compare(path + "/" + i, shown.get(i), actual.get(i), diffs);
      }
    } else if (shown.isTextual() && shown.asText().contains("...")) {
      for (String part : shown.asText().split("\\.\\.\\.")) {
        if (!actual.asText().contains(part.strip())) {
          diffs.add(path + ": shown " + shown + ", answered " + actual);
          return;
        }
      }
    } else if (shown.isNumber()) {
      BigDecimal s = shown.decimalValue();
      double tolerance = 0.5 * Math.pow(10, -Math.max(0, s.scale())) + 1e-9;
      if (!actual.isNumber() || Math.abs(actual.doubleValue() - s.doubleValue()) > tolerance) {
        diffs.add(path + ": shown " + shown + ", answered " + actual);
      }
    } else if (!shown.equals(actual)) {
      diffs.add(path + ": shown " + shown + ", answered " + actual);
    }
  }
}

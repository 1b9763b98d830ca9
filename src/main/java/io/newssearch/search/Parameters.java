package io.newssearch.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Named request parameters checked once, whoever sends them (an HTTP query string, the command
 * line's options, a JSON body): unknown names and repeated single values are errors naming the
 * parameter; values are read with typed helpers whose errors name it too.
 */
public final class Parameters {

  private final Map<String, List<String>> params;

  private Parameters(Map<String, List<String>> params) {
    this.params = params;
  }

  /** @param known the parameters the endpoint takes, each at most once; anything else is an error */
  public static Parameters of(Map<String, List<String>> params, Set<String> known) {
    return of(params, known, Set.of());
  }

  /** @param repeatable parameters that may be given more than once */
  public static Parameters of(Map<String, List<String>> params, Set<String> single, Set<String> repeatable) {
    for (var e : params.entrySet()) {
      String name = e.getKey();
      if (!single.contains(name) && !repeatable.contains(name)) {
        Set<String> known = new TreeSet<>(single);
        known.addAll(repeatable);
        String expected = known.isEmpty() ? "this endpoint takes no parameters" : "known are " + known;
        throw InvalidRequestException.parameter(name, "unknown parameter" + suggestion(name, known) + "; " + expected);
      }
      if (single.contains(name) && e.getValue().size() > 1) {
        throw InvalidRequestException.parameter(name, "given " + e.getValue().size() + " times, allowed once");
      }
    }
    return new Parameters(params);
  }

  /** " (did you mean 'x'?)" when a known name is one or two edits away, else nothing. */
  private static String suggestion(String name, Set<String> known) {
    var distance = new org.apache.lucene.search.spell.LevenshteinDistance();
    String best = null;
    float bestScore = 0.6f;
    for (String k : known) {
      float score = distance.getDistance(name.toLowerCase(Locale.ROOT), k);
      if (score > bestScore) {
        best = k;
        bestScore = score;
      }
    }
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  /** The value, or null when absent. */
  public String text(String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** The value, or {@code dflt} when absent or blank. */
  public String text(String name, String dflt) {
    String v = text(name);
    return v == null || v.isBlank() ? dflt : v;
  }

  /** A whole number; the default when absent or empty. Range checks belong to the request record. */
  public int integer(String name, int dflt) {
    String v = text(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw InvalidRequestException.parameter(name, "expected a whole number, got '" + v + "'");
    }
  }

  /** A flag: true, 1, yes or just the name; false, 0, no; false when absent. */
  public boolean bool(String name) {
    return choice(name, "false", Map.of("true", true, "1", true, "yes", true, "", true,
        "false", false, "0", false, "no", false));
  }

  /** One of a fixed set of words, case-insensitive; {@code dflt} when absent. */
  public <T> T choice(String name, String dflt, Map<String, T> options) {
    String v = text(name);
    String key = (v == null ? dflt : v).toLowerCase(Locale.ROOT);
    T value = options.get(key);
    if (value == null) {
      Set<String> words = new TreeSet<>(options.keySet());
      words.remove("");
      throw InvalidRequestException.parameter(name, "expected one of " + words + ", got '" + v + "'");
    }
    return value;
  }

  /** Every value of a repeatable parameter, stripped, blanks dropped. */
  public List<String> values(String name) {
    List<String> out = new ArrayList<>();
    for (String v : params.getOrDefault(name, List.of())) {
      if (!v.isBlank()) {
        out.add(v.strip());
      }
    }
    return out;
  }
}

package io.newssearch.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Tag lists as inputs write them: "a, b", "[a, b]", "a; b", quoted or not; and deduplication. */
final class Tags {

  private Tags() {}

  /** Splits one tag string into tags, in order, without blanks or case-insensitive duplicates. */
  static List<String> split(String value) {
    if (value == null) return List.of();
    String v = value.strip();
    if (v.startsWith("[") && v.endsWith("]")) v = v.substring(1, v.length() - 1);
    List<String> tags = new ArrayList<>();
    for (String part : v.split("[,;|]")) {
      tags.add(unquote(part.strip()));
    }
    return dedupe(tags);
  }

  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** Stripped tags with whitespace collapsed, blanks dropped, the first spelling of each kept. */
  static List<String> dedupe(List<String> tags) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String t : tags) {
      if (t == null) continue;
      String clean = SPACES.matcher(t.strip()).replaceAll(" ");
      if (!clean.isEmpty()) byKey.putIfAbsent(clean.toLowerCase(Locale.ROOT), clean);
    }
    return List.copyOf(byKey.values());
  }

  static String unquote(String s) {
    if (s.length() >= 2) {
      char first = s.charAt(0), last = s.charAt(s.length() - 1);
      if ((first == '"' && last == '"') || (first == '\'' && last == '\'')) {
        return s.substring(1, s.length() - 1).strip();
      }
    }
    return s;
  }
}

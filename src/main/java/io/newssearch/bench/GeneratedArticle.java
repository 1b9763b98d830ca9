package io.newssearch.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One article of a generated corpus, its body kept as sentences so that a republished copy can
 * drop or add one. Written as one JSON Lines record with the field names {@code newssearch index}
 * reads.
 */
record GeneratedArticle(String id, String title, List<String> sentences, Instant published, String language,
    List<String> tags, String source, String url) {

  Map<String, Object> json() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", id);
    o.put("url", url);
    o.put("title", title);
    o.put("body", String.join(" ", sentences));
    o.put("published", published.toString());
    o.put("language", language);
    o.put("tags", tags);
    if (source != null) o.put("source", source);
    return o;
  }

  /** A web address on the source's own site when the source is a host name, else on a reserved example domain. */
  static String url(String source, String language, String id) {
    String host = source != null && source.contains(".") && !source.contains(" ") ? source
        : (source == null ? "news" : source.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")) + ".example";
    return "https://" + host + "/" + language + "/" + id;
  }
}

package io.newssearch.bench;

import io.newssearch.article.Article;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The material of generated articles, per language, taken from real collections: headlines, body
 * sentences, how many sentences real bodies have, tags and sources. Collections are read one
 * article at a time and only these pieces kept, so a generator can be fed every collection in
 * ../shared/data at once. Languages are kept in name order, so a seed gives the same corpus.
 */
public final class RealText {

  /** Sentence ends, also Amharic/Tigrinya (።), Arabic/Persian (؟) and Urdu-style (۔) full stops. */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?።؟۔])\\s+");
  /** Collection names used as a source; the article's web site says more about who published it. */
  private static final List<String> DATASET_SOURCES = List.of("masakhanews");

  /** What one language offers. Lists keep repeats, so drawing from them follows the real frequencies. */
  public record Language(String code, List<String> titles, List<String> sentences, List<Integer> sentenceCounts,
      List<String> tags, List<String> sources, int articles) {}

  private final Map<String, Language> languages;

  private RealText(Map<String, Language> languages) {
    this.languages = languages;
  }

  /** Reads the collections (any format {@code newssearch index} reads); articles without a language are skipped. */
  public static RealText read(List<Path> roots) throws IOException {
    Builder b = new Builder();
    CorpusArticles.forEach(roots, b::add);
    return b.build();
  }

  /** From articles already in memory (tests, small corpora). */
  public static RealText of(List<Article> articles) {
    Builder b = new Builder();
    articles.forEach(b::add);
    return b.build();
  }

  /** Languages with at least one headline and one sentence, by code. */
  public Map<String, Language> languages() {
    return languages;
  }

  static List<String> sentences(String body) {
    List<String> out = new ArrayList<>();
    if (body != null) {
      for (String s : SENTENCE_END.split(body.strip())) {
        String t = s.strip().replaceAll("\\s+", " ");
        if (!t.isEmpty()) out.add(t);
      }
    }
    return out;
  }

  private static final class Builder {
    private final Map<String, Language> byCode = new TreeMap<>();

    void add(Article a) {
      if (a.language() == null || a.title() == null || a.title().isBlank()) {
        return;
      }
      List<String> s = sentences(a.body());
      if (s.isEmpty()) {
        return;
      }
      Language l = byCode.computeIfAbsent(a.language(), c -> new Language(c, new ArrayList<>(), new ArrayList<>(),
          new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), 0));
      l.titles().add(a.title().strip().replaceAll("\\s+", " "));
      l.sentences().addAll(s);
      l.sentenceCounts().add(s.size());
      l.tags().addAll(a.tags());
      String source = source(a);
      if (source != null) l.sources().add(source);
    }

    RealText build() {
      Map<String, Language> out = new TreeMap<>();
      byCode.forEach((code, l) -> out.put(code, new Language(code, List.copyOf(l.titles()),
          List.copyOf(l.sentences()), List.copyOf(l.sentenceCounts()), List.copyOf(l.tags()),
          List.copyOf(l.sources()), l.titles().size())));
      return new RealText(out);
    }

    /** The publisher: the site's host name when the source field only names the collection. */
    private static String source(Article a) {
      String s = a.source();
      if ((s == null || DATASET_SOURCES.contains(s.toLowerCase(Locale.ROOT))) && a.url() != null) {
        try {
          String host = URI.create(a.url().strip()).getHost();
          if (host != null) return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
          return s; // not a URL: keep what the collection says
        }
      }
      return s;
    }
  }
}

package io.newssearch.bench;

import io.newssearch.lucene.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;

/**
 * The alerts {@code bench alerts} saves, drawn from the index's own headlines with a seeded random.
 *
 * <ul>
 *   <li>{@code selective} (the default): what a media monitor saves — two or three words of one
 *       headline that must all appear, at least one of them rare (in at most 0.2% of headlines:
 *       mostly names of companies, people and places), a two-word phrase holding a rare word, or a
 *       rare word with a tag; a quarter of the word and phrase alerts also carry a tag or a
 *       language filter. Each article matches a handful of the alerts.
 *   <li>{@code broad}: {@link QuerySet}'s search mix — single headline words and OR pairs among
 *       them, so each article matches hundreds of 10,000 alerts. A stress case, not a user.
 * </ul>
 */
public enum AlertMix {
  SELECTIVE, BROAD;

  private static final Set<String> FIELDS = Set.of(Schema.TITLE, Schema.TAGS_KEYWORD, Schema.LANGUAGE);
  /** A word in at most this share of headlines is rare. */
  private static final double RARE = 0.002;

  /** {@code count} alerts as {@code POST /api/alerts} bodies (parameters by name). */
  public List<Map<String, List<String>>> draw(IndexReader reader, int count, long seed) throws IOException {
    List<Map<String, List<String>>> out = this == BROAD ? broad(reader, count, seed) : selective(reader, count, seed);
    if (out.size() < count) {
      throw new IllegalStateException("drew only " + out.size() + " alerts from the index; a larger corpus is needed");
    }
    return out;
  }

  private static List<Map<String, List<String>>> broad(IndexReader reader, int count, long seed) throws IOException {
    List<Map<String, List<String>>> out = new ArrayList<>();
    List<QueryCase> cases = new ArrayList<>(QuerySet.draw(reader, seed, count / 5 + 1));
    Collections.shuffle(cases, new Random(seed));
    for (QueryCase c : cases) {
      if (c.text().isBlank() || out.size() == count) {
        continue;
      }
      out.add(alert(c.type() + " " + out.size(), c.text(), c.matchAll(), c.language(), c.tag()));
    }
    return out;
  }

  private static List<Map<String, List<String>>> selective(IndexReader reader, int count, long seed) throws IOException {
    StoredFields stored = reader.storedFields();
    List<Document> docs = new ArrayList<>(reader.maxDoc());
    Map<String, Integer> headlines = new HashMap<>();
    for (int d = 0; d < reader.maxDoc(); d++) {
      Document doc = stored.document(d, FIELDS);
      docs.add(doc);
      new java.util.HashSet<>(QuerySet.words(doc.get(Schema.TITLE))).forEach(w -> headlines.merge(w, 1, Integer::sum));
    }
    int rareAt = Math.max(2, (int) (RARE * docs.size()));
    Random random = new Random(seed);
    List<Map<String, List<String>>> out = new ArrayList<>();
    for (int attempts = 0; out.size() < count && attempts < count * 50; attempts++) {
      Document doc = docs.get(random.nextInt(docs.size()));
      List<String> words = QuerySet.words(doc.get(Schema.TITLE));
      List<String> rare = words.stream().filter(w -> headlines.getOrDefault(w, 0) <= rareAt).toList();
      if (rare.isEmpty() || words.size() < 3) {
        continue;
      }
      String tag = doc.get(Schema.TAGS_KEYWORD);
      String pick = rare.get(random.nextInt(rare.size()));
      int kind = random.nextInt(20);
      String name = "selective " + out.size();
      Map<String, List<String>> a;
      if (kind < 7) {
        a = alert(name, pick + " " + other(words, pick, random), true, null, null);
      } else if (kind < 11) {
        String second = other(words, pick, random);
        String third = other(words.stream().filter(w -> !w.equals(second)).toList(), pick, random);
        a = alert(name, pick + " " + second + " " + third, true, null, null);
      } else if (kind < 16) {
        String phrase = adjacent(doc.get(Schema.TITLE), pick);
        if (phrase == null) {
          continue;
        }
        a = alert(name, "\"" + phrase + "\"", false, null, null);
      } else {
        if (tag == null) {
          continue;
        }
        a = alert(name, pick, false, null, tag);
      }
      String lang = doc.get(Schema.LANGUAGE);
      if (kind < 16 && random.nextInt(4) == 0) {
        if (tag != null && (lang == null || random.nextBoolean())) {
          a.put("tag", List.of(tag));
        } else if (lang != null) {
          a.put("lang", List.of(lang));
        }
      }
      out.add(a);
    }
    return out;
  }

  private static String other(List<String> words, String not, Random random) {
    List<String> rest = words.stream().filter(w -> !w.equals(not)).toList();
    return rest.isEmpty() ? not : rest.get(random.nextInt(rest.size()));
  }

  /** Two words next to each other in the headline, one of them {@code word}; null when none. */
  private static String adjacent(String title, String word) {
    String[] raw = title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    for (int i = 0; i < raw.length; i++) {
      if (raw[i].equals(word)) {
        String next = i + 1 < raw.length ? raw[i + 1] : "";
        String prev = i > 0 ? raw[i - 1] : "";
        String with = next.length() >= 3 && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(next) ? word + " " + next
            : prev.length() >= 3 && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(prev) ? prev + " " + word : null;
        if (with != null) {
          return with;
        }
      }
    }
    return null;
  }

  private static Map<String, List<String>> alert(String name, String q, boolean and, String lang, String tag) {
    Map<String, List<String>> a = new LinkedHashMap<>();
    a.put("name", List.of(name));
    a.put("q", List.of(q));
    if (and) a.put("op", List.of("and"));
    if (lang != null) a.put("lang", List.of(lang));
    if (tag != null) a.put("tag", List.of(tag));
    return a;
  }
}

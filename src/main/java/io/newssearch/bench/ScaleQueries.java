package io.newssearch.bench;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;

/**
 * The query mix of the scale benchmark, drawn with a seeded random from the corpus itself (the
 * words of random articles' headlines, as {@link QuerySet} does), so every query has matches and a
 * seed gives the same set on the same articles. Types, each with default parameters otherwise:
 * a word, two words OR, two words AND, a two-word phrase, a word in one language and one calendar
 * year, and the newest-first browse of every article (newssearch adds its default facets).
 */
final class ScaleQueries {

  static final List<String> TYPES = List.of("term", "or", "and", "phrase", "filtered", "browse");
  private static final Set<String> FIELDS = Set.of(BareLucene.TITLE, BareLucene.LANGUAGE, BareLucene.PUBLISHED);

  private ScaleQueries() {}

  /** {@code perType} of each type (fewer filtered ones when few articles are dated), in a mixed order. */
  static List<QueryCase> draw(IndexReader reader, long seed, int perType) throws IOException {
    Random random = new Random(seed);
    StoredFields stored = reader.storedFields();
    List<QueryCase> out = new ArrayList<>();
    int[] counts = new int[TYPES.size()];
    for (int attempts = 0; attempts < perType * 400 && min(counts) < perType; attempts++) {
      Document d = stored.document(random.nextInt(reader.maxDoc()), FIELDS);
      List<String> words = QuerySet.words(d.get(BareLucene.TITLE));
      int type = random.nextInt(TYPES.size());
      if (words.size() < 2 || counts[type] >= perType) {
        continue;
      }
      int i = random.nextInt(words.size() - 1);
      String w1 = words.get(i), w2 = words.get(i + 1), any = words.get(random.nextInt(words.size()));
      QueryCase q = switch (TYPES.get(type)) {
        case "term" -> new QueryCase("term", any, false, null, null, null, null, false);
        case "or" -> new QueryCase("or", w1 + " " + w2, false, null, null, null, null, false);
        case "and" -> new QueryCase("and", w1 + " " + w2, true, null, null, null, null, false);
        case "phrase" -> new QueryCase("phrase", "\"" + w1 + " " + w2 + "\"", false, null, null, null, null, false);
        case "filtered" -> filtered(any, d);
        case "browse" -> new QueryCase("browse", "", false, null, null, null, null, true);
        default -> throw new IllegalStateException();
      };
      if (q != null) {
        out.add(q);
        counts[type]++;
      }
    }
    return List.copyOf(out);
  }

  /** The word, in the article's language, within the calendar year it was published in (UTC). */
  private static QueryCase filtered(String word, Document d) {
    IndexableField published = d.getField(BareLucene.PUBLISHED);
    String language = d.get(BareLucene.LANGUAGE);
    if (published == null || language == null) {
      return null;
    }
    int year = Instant.ofEpochMilli(published.numericValue().longValue()).atZone(ZoneOffset.UTC).getYear();
    Instant from = ZonedDateTime.of(year, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();
    Instant to = ZonedDateTime.of(year + 1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant().minusMillis(1);
    return new QueryCase("filtered", word, false, from, to, language, null, false);
  }

  private static int min(int[] a) {
    int m = Integer.MAX_VALUE;
    for (int v : a) m = Math.min(m, v);
    return m;
  }
}

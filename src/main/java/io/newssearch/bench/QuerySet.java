package io.newssearch.bench;

import io.newssearch.lucene.Schema;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;

/**
 * A fixed query set drawn from the index itself with a seeded random: words of real headlines, so
 * every query has matches and the same seed gives the same set on the same index.
 */
public final class QuerySet {

  public static final long DEFAULT_SEED = 42;
  private static final Set<String> FIELDS = Set.of(Schema.TITLE, Schema.PUBLISHED, Schema.LANGUAGE, Schema.TAGS_KEYWORD);

  private QuerySet() {}

  /** About {@code perType} queries of each type (fewer filtered ones when few articles are dated and tagged). */
  public static List<QueryCase> draw(IndexReader reader, long seed, int perType) throws IOException {
    Random random = new Random(seed);
    StoredFields stored = reader.storedFields();
    List<QueryCase> out = new ArrayList<>();
    int[] counts = new int[QueryCase.TYPES.size()];
    int attempts = 0;
    while (attempts++ < perType * 200 && min(counts) < perType) {
      int docId = random.nextInt(reader.maxDoc());
      Document d = stored.document(docId, FIELDS);
      List<String> words = words(d.get(Schema.TITLE));
      if (words.size() < 2) {
        continue;
      }
      int i = random.nextInt(words.size() - 1);
      String w1 = words.get(i), w2 = words.get(i + 1), any = words.get(random.nextInt(words.size()));
      IndexableField published = d.getField(Schema.PUBLISHED);
      Instant date = published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue());
      String tag = d.get(Schema.TAGS_KEYWORD);
      String lang = d.get(Schema.LANGUAGE);
      int type = random.nextInt(QueryCase.TYPES.size());
      if (counts[type] >= perType) {
        continue;
      }
      QueryCase q = switch (QueryCase.TYPES.get(type)) {
        case "term" -> new QueryCase("term", any, false, null, null, null, null, false);
        case "and" -> new QueryCase("and", w1 + " " + w2, true, null, null, null, null, false);
        case "or" -> new QueryCase("or", w1 + " " + w2, false, null, null, null, null, false);
        case "phrase" -> new QueryCase("phrase", "\"" + w1 + " " + w2 + "\"", false, null, null, null, null, false);
        case "filtered" -> date == null || tag == null ? null : new QueryCase("filtered", any, false,
            QueryCase.day(date, -30), QueryCase.day(date, 30), lang, tag, false);
        // every article matches: the cost is counting language, tag, source and date facets over the index
        case "facets" -> new QueryCase("facets", "", false, null, null, null, null, false);
        case "date-sort" -> new QueryCase("date-sort", any, false, null, null, null, null, true);
        default -> throw new IllegalStateException();
      };
      if (q != null) {
        out.add(q);
        counts[type]++;
      }
    }
    return List.copyOf(out);
  }

  private static int min(int[] a) {
    int m = Integer.MAX_VALUE;
    for (int v : a) m = Math.min(m, v);
    return m;
  }

  /** Lowercased words of a headline, without stopwords and short words. */
  static List<String> words(String title) {
    List<String> out = new ArrayList<>();
    if (title == null) {
      return out;
    }
    for (String w : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() >= 4 && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w) && !w.chars().allMatch(Character::isDigit)) {
        out.add(w);
      }
    }
    return out;
  }
}

package io.newssearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newssearch.article.Article;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Makes a larger corpus from a real one, for growth measurements: each new article takes a real
 * article as its model (language, source, number of sentences), a real headline, and body sentences
 * drawn from all real sentences of that language; new ids, dates spread over 2020–2025 and 1–3 tags
 * from the real tag pool. Seeded: the same input, size and seed give the same file. Writes JSON
 * Lines, gzipped, which {@code newssearch index} reads.
 */
public final class CorpusGenerator {

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
  private static final long FROM = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
  private static final long TO = Instant.parse("2025-12-31T23:59:59Z").getEpochSecond();
  /** Articles per output file, so indexing can report progress and files stay a manageable size. */
  static final int PER_FILE = 50_000;

  private CorpusGenerator() {}

  /** @return the files written */
  public static List<Path> generate(List<Article> real, int count, long seed, Path out) throws IOException {
    if (real.isEmpty()) {
      throw new IllegalArgumentException("the source corpus has no articles");
    }
    Map<String, List<String>> sentences = new HashMap<>();
    List<String> tags = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    for (Article a : real) {
      if (a.title() != null && !a.title().isBlank()) {
        titles.add(a.title());
      }
      if (a.body() != null) {
        for (String s : SENTENCE_END.split(a.body().strip())) {
          if (!s.isBlank()) {
            sentences.computeIfAbsent(String.valueOf(a.language()), k -> new ArrayList<>()).add(s.strip());
          }
        }
      }
      tags.addAll(a.tags());
    }
    Random random = new Random(seed);
    ObjectMapper json = new ObjectMapper();
    Files.createDirectories(out);
    List<Path> files = new ArrayList<>();
    BufferedWriter w = null;
    try {
      for (int n = 0; n < count; n++) {
        if (n % PER_FILE == 0) {
          if (w != null) w.close();
          Path file = out.resolve(String.format("generated-%03d.jsonl.gz", n / PER_FILE));
          files.add(file);
          w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8));
        }
        Article model = real.get(random.nextInt(real.size()));
        List<String> pool = sentences.getOrDefault(String.valueOf(model.language()), List.of());
        int sentenceCount = Math.max(1, model.body() == null ? 1 : SENTENCE_END.split(model.body().strip()).length);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < sentenceCount && !pool.isEmpty(); i++) {
          body.append(i == 0 ? "" : " ").append(pool.get(random.nextInt(pool.size())));
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", "gen-" + seed + "-" + n);
        o.put("title", titles.isEmpty() ? "Generated article " + n : titles.get(random.nextInt(titles.size())));
        o.put("body", body.toString());
        o.put("published", Instant.ofEpochSecond(FROM + (long) (random.nextDouble() * (TO - FROM))).toString());
        if (model.language() != null) o.put("language", model.language());
        List<String> t = new ArrayList<>();
        for (int i = 0, k = 1 + random.nextInt(3); i < k && !tags.isEmpty(); i++) {
          String tag = tags.get(random.nextInt(tags.size()));
          if (!t.contains(tag)) t.add(tag);
        }
        o.put("tags", t);
        if (model.source() != null) o.put("source", model.source());
        w.write(json.writeValueAsString(o));
        w.write('\n');
      }
    } finally {
      if (w != null) w.close();
    }
    return files;
  }
}

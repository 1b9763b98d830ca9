package io.newssearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

/**
 * Makes a large corpus from real ones, for growth measurements. Each new article is in a language
 * drawn by share (English at {@link Options#englishShare}, the others by how many real articles
 * they have), with a real headline of that language, as many real sentences as a real body of that
 * language has, drawn from all of its sentences, 1–3 of its real tags, one of its real sources, and
 * a date in 2020–2025. A share of the articles ({@link Options#republishShare}) are instead another
 * source's copy of a recent article ({@link Republisher}), so story clustering and collapse have
 * real work. Seeded: the same text, options and seed give the same bytes. Streamed to gzipped JSON
 * Lines files of {@link #PER_FILE} articles; memory does not grow with the count.
 */
public final class CorpusGenerator {

  /** How many articles and what kind. */
  public record Options(long count, long seed, double republishShare, double englishShare) {
    public static final double DEFAULT_REPUBLISH_SHARE = 0.04;
    public static final double DEFAULT_ENGLISH_SHARE = 0.5;

    public Options {
      if (count < 1) throw new IllegalArgumentException("the article count must be 1 or more, got " + count);
      if (republishShare < 0 || republishShare > 1 || englishShare < 0 || englishShare > 1) {
        throw new IllegalArgumentException("shares are between 0 and 1");
      }
    }
  }

  /** What was written: files, articles, republished copies among them, articles per language. */
  public record Summary(List<Path> files, long articles, long copies, Map<String, Long> perLanguage) {}

  private static final long FROM = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
  private static final long TO = Instant.parse("2025-12-31T23:59:59Z").getEpochSecond();
  /** Articles per output file, so indexing can report progress and files stay a manageable size. */
  static final int PER_FILE = 50_000;
  /** Originals a copy may come from: the latest ones, so memory stays bounded at any count. */
  static final int RECENT = 2_000;
  /** Longest body, in sentences: a few real bodies are whole transcripts. */
  private static final int MAX_SENTENCES = 40;

  private final RealText.Language[] languages;
  private final double[] cumulative;
  private final Random random;
  private final Republisher republisher;

  private CorpusGenerator(RealText text, Options o) {
    if (text.languages().isEmpty()) {
      throw new IllegalArgumentException("the source corpus has no article with a language, a headline and a body");
    }
    this.languages = text.languages().values().toArray(RealText.Language[]::new);
    this.cumulative = shares(languages, o.englishShare());
    this.random = new Random(o.seed());
    TreeSet<String> sources = new TreeSet<>();
    text.languages().values().forEach(l -> sources.addAll(l.sources()));
    this.republisher = new Republisher(random, List.copyOf(sources));
  }

  public static Summary generate(RealText text, Options o, Path out) throws IOException {
    return new CorpusGenerator(text, o).write(o, out);
  }

  private Summary write(Options o, Path out) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Files.createDirectories(out);
    List<Path> files = new ArrayList<>();
    Map<String, Long> perLanguage = new TreeMap<>();
    GeneratedArticle[] recent = new GeneratedArticle[RECENT];
    long originals = 0, copies = 0;
    BufferedWriter w = null;
    try {
      for (long n = 0; n < o.count(); n++) {
        if (n % PER_FILE == 0) {
          if (w != null) w.close();
          Path file = out.resolve(String.format("generated-%03d.jsonl.gz", n / PER_FILE));
          files.add(file);
          w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16),
              StandardCharsets.UTF_8), 1 << 16);
        }
        String id = "gen-" + o.seed() + "-" + n;
        GeneratedArticle a;
        if (originals > 0 && random.nextDouble() < o.republishShare()) {
          GeneratedArticle original = recent[random.nextInt((int) Math.min(originals, RECENT))];
          a = republisher.copy(original, id, language(original.language()));
          copies++;
        } else {
          a = original(id);
          recent[(int) (originals++ % RECENT)] = a;
        }
        perLanguage.merge(a.language(), 1L, Long::sum);
        w.write(json.writeValueAsString(a.json()));
        w.write('\n');
      }
    } finally {
      if (w != null) w.close();
    }
    return new Summary(files, o.count(), copies, perLanguage);
  }

  private GeneratedArticle original(String id) {
    RealText.Language l = languages[pickLanguage()];
    int count = Math.min(MAX_SENTENCES, Math.max(1, pick(l.sentenceCounts())));
    List<String> body = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      body.add(pick(l.sentences()));
    }
    List<String> tags = new ArrayList<>();
    for (int i = 0, k = 1 + random.nextInt(3); i < k && !l.tags().isEmpty(); i++) {
      String tag = pick(l.tags());
      if (!tags.contains(tag)) tags.add(tag);
    }
    String source = l.sources().isEmpty() ? null : pick(l.sources());
    Instant published = Instant.ofEpochSecond(FROM + (long) (random.nextDouble() * (TO - FROM)));
    return new GeneratedArticle(id, pick(l.titles()), body, published, l.code(), tags, source,
        GeneratedArticle.url(source, l.code(), id));
  }

  private RealText.Language language(String code) {
    for (RealText.Language l : languages) {
      if (l.code().equals(code)) return l;
    }
    throw new IllegalStateException(code);
  }

  private int pickLanguage() {
    double x = random.nextDouble() * cumulative[cumulative.length - 1];
    for (int i = 0; i < cumulative.length; i++) {
      if (x < cumulative[i]) return i;
    }
    return cumulative.length - 1;
  }

  /** Cumulative weights: English gets its share, the rest is split by real article counts. */
  private static double[] shares(RealText.Language[] languages, double englishShare) {
    boolean hasEnglish = false;
    long others = 0;
    for (RealText.Language l : languages) {
      if (l.code().equals("en")) hasEnglish = true;
      else others += l.articles();
    }
    double[] c = new double[languages.length];
    double sum = 0;
    for (int i = 0; i < languages.length; i++) {
      RealText.Language l = languages[i];
      double w;
      if (!hasEnglish || others == 0) w = l.articles();
      else w = l.code().equals("en") ? englishShare : (1 - englishShare) * l.articles() / others;
      sum += w;
      c[i] = sum;
    }
    return c;
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}

package io.newssearch.bench;

import io.newssearch.article.Article;
import io.newssearch.ingest.ParsedCorpus;
import io.newssearch.semantic.Embedder;
import io.newssearch.semantic.Embedders;
import io.newssearch.semantic.EmbeddingText;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Embedding throughput of the shipped embedder (texts/s of title + lede) for each setting of
 * threads and batch size, interleaved round by round so the machine's drift hits every setting
 * alike; and the latency of embedding one query-length text.
 */
public final class EmbeddingBenchmark {

  /**
   * @param threads texts embedded at once
   * @param intraOp threads ONNX Runtime uses inside one text
   * @param batch texts per {@link Embedder#embed} call
   */
  public record Setting(int threads, int intraOp, int batch) {
    @Override
    public String toString() {
      return threads + " at once × " + intraOp + " inside, batches of " + batch;
    }
  }

  /** The settings measured: both cores as 2 texts at once or 2 threads inside one, and batch sizes. */
  public static final List<Setting> SETTINGS = List.of(
      new Setting(1, 1, 64), new Setting(2, 1, 64), new Setting(1, 2, 64), new Setting(2, 2, 64),
      new Setting(2, 1, 1), new Setting(2, 1, 8), new Setting(2, 1, 256));

  /**
   * Per setting, texts/s and CPU milliseconds per text (the whole process, ONNX Runtime's native
   * threads included) of each round; mean words per text; query latency p50 in ms per intra-op threads.
   * CPU time per text is what the work costs whatever else runs on the machine; texts/s is what a
   * user waits, and falls when other processes take the cores.
   */
  public record Result(int texts, double meanWords, Map<Setting, List<Double>> textsPerSecond,
      Map<Setting, List<Double>> cpuMillisPerText, Map<Integer, Double> queryMillisP50) {}

  private EmbeddingBenchmark() {}

  /** @param sample how many articles of the corpus (its first ones) each pass embeds */
  public static Result run(List<Path> corpus, int sample, int rounds, Duration pause) throws IOException {
    List<Article> articles = ParsedCorpus.read(corpus).articles();
    List<String> texts = articles.stream().limit(sample).map(a -> EmbeddingText.of(a.title(), a.body())).toList();
    List<String> queries = articles.stream().skip(sample).limit(200).map(Article::title)
        .filter(t -> t != null && !t.isBlank()).toList();
    double words = texts.stream().mapToInt(t -> t.split("\\s+").length).average().orElse(0);

    Map<Setting, Embedder> embedders = new LinkedHashMap<>();
    Map<Setting, List<Double>> rates = new LinkedHashMap<>();
    Map<Setting, List<Double>> cpu = new LinkedHashMap<>();
    Map<Integer, Double> queryP50 = new LinkedHashMap<>();
    try {
      for (Setting s : SETTINGS) {
        Embedder e = Embedders.miniLm(s.threads(), s.intraOp());
        e.embed(texts.subList(0, Math.min(32, texts.size()))); // load the model, warm up
        embedders.put(s, e);
        rates.put(s, new ArrayList<>());
        cpu.put(s, new ArrayList<>());
      }
      for (int round = 0; round < rounds; round++) {
        for (Setting s : SETTINGS) {
          Measure.pause(pause);
          long cpuStart = processCpuNanos();
          rates.get(s).add(pass(embedders.get(s), texts, s.batch()));
          cpu.get(s).add((processCpuNanos() - cpuStart) / 1e6 / texts.size());
        }
      }
      for (Setting s : SETTINGS) {
        if (s.threads() == 1 && s.batch() == 64) {
          queryP50.put(s.intraOp(), queryLatencyP50(embedders.get(s), queries));
        }
      }
    } finally {
      embedders.values().forEach(Embedder::close);
    }
    return new Result(texts.size(), words, rates, cpu, queryP50);
  }

  private static double pass(Embedder e, List<String> texts, int batch) {
    long start = System.nanoTime();
    for (int from = 0; from < texts.size(); from += batch) {
      e.embed(texts.subList(from, Math.min(texts.size(), from + batch)));
    }
    return texts.size() / ((System.nanoTime() - start) / 1e9);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** One headline at a time, as a search embeds its query: median milliseconds after a warm-up pass. */
  private static double queryLatencyP50(Embedder e, List<String> queries) {
    queries.forEach(e::embed);
    List<Double> ms = new ArrayList<>();
    for (String q : queries) {
      long t = System.nanoTime();
      e.embed(q);
      ms.add((System.nanoTime() - t) / 1e6);
    }
    return Measure.median(ms);
  }
}

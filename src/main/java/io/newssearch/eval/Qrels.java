package io.newssearch.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Relevance judgments in TREC format: {@code qid iteration docno relevance} per line. */
public final class Qrels {

  private final Map<String, Map<String, Integer>> byQuery;

  public Qrels(Map<String, Map<String, Integer>> byQuery) {
    this.byQuery = byQuery;
  }

  public static Qrels read(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  public static Qrels parse(List<String> lines) {
    Map<String, Map<String, Integer>> m = new LinkedHashMap<>();
    int n = 0;
    for (String line : lines) {
      n++;
      String[] f = line.strip().split("\\s+");
      if (line.isBlank()) {
        continue;
      }
      if (f.length != 4) {
        throw new IllegalArgumentException("qrels line " + n + ": expected 'qid iter docno rel', got: " + line);
      }
      m.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[2], Integer.parseInt(f[3]));
    }
    return new Qrels(m);
  }

  public Set<String> queryIds() {
    return Collections.unmodifiableSet(byQuery.keySet());
  }

  /** The judgments of these queries only: the measures of one half. */
  public Qrels only(Set<String> qids) {
    Map<String, Map<String, Integer>> m = new LinkedHashMap<>(byQuery);
    m.keySet().retainAll(qids);
    return new Qrels(m);
  }

  /** The judgments of every other query. */
  public Qrels without(Set<String> qids) {
    Map<String, Map<String, Integer>> m = new LinkedHashMap<>(byQuery);
    m.keySet().removeAll(qids);
    return new Qrels(m);
  }

  public Map<String, Integer> judgments(String qid) {
    return byQuery.getOrDefault(qid, Map.of());
  }
}

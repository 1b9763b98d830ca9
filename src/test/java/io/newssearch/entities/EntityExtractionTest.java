package io.newssearch.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of {@link EntityExtractor} against hand labels of 51 sample-corpus ledes in
 * seven languages ({@code src/test/resources/entities/}); the figures are printed per language and
 * guarded against regressions.
 */
class EntityExtractionTest {

  static List<String[]> rows(String name) throws Exception {
    List<String[]> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        EntityExtractionTest.class.getResourceAsStream("/entities/" + name), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.startsWith("#") && !line.isBlank()) out.add(line.split("\t"));
      }
    }
    return out;
  }

  /** Per language: {correct, predicted, gold}. */
  static Map<String, int[]> evaluate() throws Exception {
    Map<String, Set<String>> gold = new TreeMap<>();
    Map<String, String> language = new TreeMap<>();
    for (String[] g : rows("gold.tsv")) {
      language.put(g[0], g[1]);
      Set<String> set = gold.computeIfAbsent(g[0], k -> new HashSet<>());
      if (!g[2].equals("-")) set.add(g[2] + ":" + g[3]);
    }
    EntityExtractor extractor = new EntityExtractor();
    Map<String, int[]> byLanguage = new TreeMap<>();
    for (String[] row : rows("ledes.tsv")) {
      Entities e = extractor.extract(null, row[2], row[1]);
      Set<String> predicted = new HashSet<>();
      e.people().forEach(v -> predicted.add("person:" + v));
      e.orgs().forEach(v -> predicted.add("org:" + v));
      e.places().forEach(v -> predicted.add("place:" + v));
      Set<String> truth = gold.get(row[0]);
      int[] c = byLanguage.computeIfAbsent(row[1], k -> new int[3]);
      for (String p : predicted) if (truth.contains(p)) c[0]++;
      c[1] += predicted.size();
      c[2] += truth.size();
      Set<String> missed = new HashSet<>(truth);
      missed.removeAll(predicted);
      Set<String> wrong = new HashSet<>(predicted);
      wrong.removeAll(truth);
      if (!missed.isEmpty() || !wrong.isEmpty()) {
        System.out.println(row[0] + " (" + row[1] + ") missed " + missed + " wrong " + wrong);
      }
    }
    assertEquals(language.keySet().size(), rows("ledes.tsv").size(), "every labelled article has a lede");
    return byLanguage;
  }

  @Test
  void precision_and_recall_by_language_on_hand_labelled_ledes() throws Exception {
    Map<String, int[]> by = evaluate();
    int[] total = new int[3];
    System.out.println("lang  gold  predicted  correct  precision  recall");
    for (var e : by.entrySet()) {
      int[] c = e.getValue();
      System.out.printf("%-4s %5d %10d %8d %10.2f %7.2f%n", e.getKey(), c[2], c[1], c[0],
          c[1] == 0 ? 1.0 : c[0] / (double) c[1], c[2] == 0 ? 1.0 : c[0] / (double) c[2]);
      for (int i = 0; i < 3; i++) total[i] += c[i];
    }
    double p = total[0] / (double) total[1], r = total[0] / (double) total[2];
    System.out.printf("all  %5d %10d %8d %10.2f %7.2f%n", total[2], total[1], total[0], p, r);
    assertTrue(p >= 0.6, "precision " + p);
    assertTrue(r >= 0.5, "recall " + r);
  }

  @Test
  void cues_type_names() {
    Entities e = new EntityExtractor().extract(null,
        "President Maia Sandu told reporters in Chisinau that the European Commission and NATO would help. "
            + "Officials at the Bank of England said the River Thames was rising.", "en");
    assertTrue(e.people().contains("Maia Sandu"), e.toString());
    assertTrue(e.places().contains("Chisinau"), e.toString());
    assertTrue(e.orgs().contains("European Commission"), e.toString());
    assertTrue(e.orgs().contains("NATO"), e.toString());
    assertTrue(e.orgs().contains("Bank of England"), e.toString());
    assertTrue(e.places().contains("River Thames"), e.toString());
  }

  @Test
  void scripts_without_case_get_no_entities() {
    assertEquals(Entities.NONE, new EntityExtractor().extract(null, "انطلقت المناورات البحرية في بحر قزوين يوم الاثنين.", "ar"));
  }
}

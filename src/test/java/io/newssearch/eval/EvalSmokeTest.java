package io.newssearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both evaluations on tiny collections written here, in the real formats; the real ones are in ../shared. */
class EvalSmokeTest {

  /** Three TIME articles in TIME.ALL's format; the mode evaluation's test uses them too. */
  static final String TIME_ALL = """
      *TEXT 001 01/04/63 PAGE 010

      THE NAVY LAUNCHED A NEW SUBMARINE IN THE ATLANTIC . IT CARRIES POLARIS MISSILES .

      *TEXT 002 01/11/63 PAGE 012

      THE FARMERS OF IOWA HAD A GOOD HARVEST OF CORN AND WHEAT THIS YEAR .

      *TEXT 003 01/18/63 PAGE 014

      THE ART MUSEUM OPENED A SHOW OF FRENCH PAINTINGS .

      *STOP
      """;

  /** Three English MasakhaNEWS rows (category, headline, text, url). */
  static final String ENG_TSV = """
      category\theadline\ttext\turl
      sports\tStrikers win the cup final\tThe strikers won the cup final on Sunday after extra time.\thttps://x/1
      business\tBank raises interest rates\tThe central bank raised interest rates by half a point.\thttps://x/2
      health\tHospital opens new wing\tA new wing of the city hospital opened for children.\thttps://x/3
      """;

  @TempDir Path dir;

  @Test
  void time_evaluation_writes_run_files_and_finds_the_obvious_answers() throws Exception {
    Files.writeString(dir.resolve("TIME.ALL"), TIME_ALL);
    Files.writeString(dir.resolve("queries.tsv"), "1\tPOLARIS SUBMARINE .\n2\tCORN HARVEST IN IOWA .\n");
    Files.writeString(dir.resolve("qrels.txt"), "1 0 1 1\n2 0 2 1\n");
    var report = TimeEvaluation.run(dir, dir.resolve("out"), Candidates.all());
    assertEquals(TimeEvaluation.specs(Candidates.all()).size(), report.rows().size());
    assertEquals(java.util.Set.of("1"), report.halfA());
    for (var r : report.rows()) {
      assertEquals(1.0, r.all().ap(), 1e-9, r.name());
      assertEquals(1.0, r.a().ap(), 1e-9, r.name());
      assertEquals(1.0, r.b().ap(), 1e-9, r.name());
      assertTrue(Files.readString(r.runFile()).startsWith("1 Q0 1 1 "), r.name());
      assertEquals(2, report.compare(r).ties(), r.name());
    }
    assertTrue(Tables.time(report).contains("| half B | 1.0000 | 1.000 |"), Tables.time(report));
  }

  @Test
  void mixed_known_item_evaluation_asks_every_headline_of_every_language_in_one_index() throws Exception {
    Path eng = Files.createDirectories(dir.resolve("data/eng"));
    Files.writeString(eng.resolve("test.tsv"), """
        category\theadline\ttext\turl
        sports\tStrikers win the cup final\tThe strikers won the cup final on Sunday after extra time.\thttps://x/1
        business\tBank raises interest rates\tThe central bank raised interest rates by half a point.\thttps://x/2
        """);
    Path fra = Files.createDirectories(dir.resolve("data/fra"));
    Files.writeString(fra.resolve("test.tsv"), """
        category\theadline\ttext\turl
        health\tL'hôpital ouvre une aile\tUne nouvelle aile de l'hôpital de la ville a ouvert pour les enfants.\thttps://x/3
        """);
    var reports = MixedKnownItemEvaluation.run(dir.resolve("data"), dir.resolve("out"),
        java.util.Map.of("shipped", io.newssearch.search.Ranking.DEFAULT), null, 1);
    var r = reports.get(0);
    assertEquals(3, r.queries());
    assertEquals(java.util.List.of("en", "fr"), r.languages().stream().map(l -> l.language()).toList());
    assertEquals(1.0, r.macroMrr(), 1e-9);
    assertEquals(1.0, r.microBaseline(), 1e-9);
    assertEquals(3, r.comparison().ties());
    assertEquals(4, Files.readAllLines(r.perQuery()).size());
  }

  @Test
  void known_item_evaluation_reports_each_language_folder() throws Exception {
    Path eng = Files.createDirectories(dir.resolve("data/eng"));
    Files.writeString(eng.resolve("test.tsv"), ENG_TSV);
    var rows = KnownItemEvaluation.run(dir.resolve("data"));
    assertEquals(1, rows.size());
    var r = rows.get(0);
    assertEquals("en", r.language());
    assertEquals(3, r.queries());
    assertEquals(1.0, r.mrrOurs(), 1e-9);
    assertEquals(1.0, r.mrrBaseline(), 1e-9);
  }
}

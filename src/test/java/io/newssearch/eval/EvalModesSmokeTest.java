package io.newssearch.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.semantic.Embedder;
import io.newssearch.semantic.Embedders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both mode evaluations end to end on tiny collections in the real formats, with the real model. */
class EvalModesSmokeTest {

  @TempDir Path dir;
  static Embedder embedder;

  @BeforeAll
  static void model() {
    embedder = Embedders.miniLm(2);
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void time_prints_every_mode_and_writes_run_files() throws Exception {
    Files.writeString(dir.resolve("TIME.ALL"), EvalSmokeTest.TIME_ALL);
    Files.writeString(dir.resolve("queries.tsv"), "1\tPOLARIS SUBMARINE .\n2\tCROPS GROWN IN THE MIDWEST .\n");
    Files.writeString(dir.resolve("qrels.txt"), "1 0 1 1\n2 0 2 1\n");
    String out = capture(p -> ModeEvaluation.time(dir, dir.resolve("out"), embedder, p));
    // query 1 is found by words; query 2 shares none with its article and is found by meaning only
    assertTrue(out.contains("| lexical (shipped search, collapse=none), all | 2 | 0.5000 |"), out);
    assertTrue(out.contains("| semantic (int8 HNSW kNN), all | 2 | 1.0000 |"), out);
    assertTrue(out.contains("| hybrid RRF k=60, 1:1, all | 2 | 1.0000 |"), out);
    assertTrue(Files.readString(dir.resolve("out/runs/time-mode-semantic.run")).startsWith("1 Q0 1 1 "));
    assertTrue(Files.exists(dir.resolve("out/vectors")), "embeddings cached");
  }

  @Test
  void time_through_the_user_path_runs_the_engines_own_modes() throws Exception {
    Files.writeString(dir.resolve("TIME.ALL"), EvalSmokeTest.TIME_ALL);
    Files.writeString(dir.resolve("queries.tsv"), "1\tPOLARIS SUBMARINE .\n2\tCROPS GROWN IN THE MIDWEST .\n");
    Files.writeString(dir.resolve("qrels.txt"), "1 0 1 1\n2 0 2 1\n");
    String out = capture(p -> ModeEvaluation.timeUserPath(dir, dir.resolve("out"), p));
    assertTrue(out.contains("| lexical, all | 2 | 0.5000 |"), out);
    assertTrue(out.contains("| semantic, all | 2 | 1.0000 |"), out);
    assertTrue(out.contains("| hybrid, all | 2 | 1.0000 |"), out);
    assertTrue(out.contains("without mode, the first 10 equal mode=hybrid's for 2 of 2 queries"), out);
  }

  @Test
  void masakhane_prints_a_line_per_language() throws Exception {
    Path eng = Files.createDirectories(dir.resolve("data/eng"));
    Files.writeString(eng.resolve("test.tsv"), EvalSmokeTest.ENG_TSV);
    String out = capture(p -> ModeEvaluation.masakhane(dir.resolve("data"), List.of(), 0, dir.resolve("out"), embedder, p));
    assertTrue(out.contains("### MasakhaNEWS eng (en)"), out);
    assertTrue(out.contains("| eng (en) | 3 | 1.0000 | 1.0000 |"), out);
  }

  interface Printing {
    void run(PrintStream p) throws Exception;
  }

  private static String capture(Printing printing) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream p = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      printing.run(p);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}

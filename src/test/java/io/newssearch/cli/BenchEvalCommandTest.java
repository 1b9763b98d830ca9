package io.newssearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Without ../shared (a fresh clone) the commands say what is missing and exit 2, not a stack trace. */
class BenchEvalCommandTest {

  private static String[] run(String... args) {
    PrintStream err = System.err;
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int exit = Main.commandLine().execute(args);
      return new String[] {String.valueOf(exit), e.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setErr(err);
    }
  }

  @Test
  void eval_on_a_missing_collection_exits_2_naming_the_folder() {
    String[] r = run("eval", "--collection", "time", "--data", "no-such-dir/time-1963");
    assertEquals("2", r[0]);
    assertTrue(r[1].contains("no-such-dir/time-1963") && r[1].contains("../shared"), r[1]);
  }

  @Test
  void eval_refuses_an_unknown_candidate_listing_the_keys() {
    String[] r = run("eval", "--collection", "time", "--candidates=fit1,no-such-ranking");
    assertEquals("2", r[0]);
    assertTrue(r[1].startsWith("unknown candidate no-such-ranking; the keys are: ") && r[1].contains("fit1, "), r[1]);
  }

  @Test
  void eval_modes_on_a_missing_collection_exits_2_before_loading_a_model() {
    String[] r = run("eval-modes", "--collection", "masakhane", "--data", "no-such-dir/masakhanews");
    assertEquals("2", r[0]);
    assertTrue(r[1].startsWith("eval-modes: collection folder no-such-dir/masakhanews not found"), r[1]);
  }

  @Test
  void bench_embed_and_vectors_on_a_missing_corpus_exit_2_naming_it() {
    for (String bench : new String[] {"embed", "vectors"}) {
      String[] r = run("bench", bench, "--corpus", "no-such-dir/reuters21578");
      assertEquals("2", r[0], bench);
      assertTrue(r[1].contains("no-such-dir/reuters21578"), r[1]);
    }
  }

  @Test
  void bench_index_on_a_missing_corpus_exits_2_naming_it() {
    String[] r = run("bench", "index", "--corpus", "no-such-dir/reuters21578");
    assertEquals("2", r[0]);
    assertTrue(r[1].contains("no-such-dir/reuters21578"), r[1]);
  }

  @Test
  void bench_counts_below_one_exit_2_naming_the_option() {
    String[] r = run("bench", "index", "--corpus", "sample-corpus", "--runs", "0");
    assertEquals("2", r[0]);
    assertTrue(r[1].contains("--runs"), r[1]);
    String[] http = run("bench", "http", "--result-cache", "-1");
    assertEquals("2", http[0]);
    assertTrue(http[1].contains("--result-cache must be 0 or more"), http[1]);
  }
}

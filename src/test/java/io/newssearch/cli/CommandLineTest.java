package io.newssearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void index_then_search_from_the_command_line() {
    String index = dir.resolve("ix").toString();
    CliRun indexed = run("index", "--index", index, "--corpus", "src/test/resources/index/corpus", "--no-progress");
    assertEquals(0, indexed.exit(), indexed.err());
    assertTrue(indexed.out().contains("indexed             4"), indexed.out());
    assertTrue(indexed.out().contains("feed.jsonl: line 3: "), indexed.out());

    CliRun found = run("search", "--index", index, "lighthouse keeper");
    assertEquals(0, found.exit(), found.err());
    assertTrue(found.out().startsWith("1 hit in "), found.out());
    assertTrue(found.out().contains("Lighthouse keeper retires"), found.out());

    CliRun relaxed = run("search", "--index", index, "\"lighthouse keeper steps down\"");
    assertEquals(0, relaxed.exit(), relaxed.err());
    assertTrue(relaxed.out().contains("No results for the exact phrase \"lighthouse keeper steps down\"; "
        + "showing results for the words."), relaxed.out());
    assertTrue(relaxed.out().contains("Lighthouse keeper retires"), relaxed.out());
    CliRun strict = run("search", "--index", index, "\"lighthouse keeper steps down\"", "--strict");
    assertTrue(strict.out().startsWith("0 hits") && !strict.out().contains("exact phrase"), strict.out());
  }

  @Test
  void a_language_means_the_same_in_any_form_it_is_given() {
    String index = dir.resolve("ix").toString();
    assertEquals(0, run("index", "--index", index, "--corpus", "src/test/resources/index/corpus", "--no-progress").exit());
    for (String form : new String[] {"en", "EN", "eng", "English"}) {
      CliRun found = run("search", "--index", index, "ferry", "--lang", form);
      assertEquals(0, found.exit(), found.err());
      assertTrue(found.out().startsWith("1 hit in ") && found.out().contains("Ferry service resumes"), form + ": " + found.out());
    }
    CliRun unknown = run("search", "--index", index, "ferry", "--lang", "Klingonish");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("--lang: 'Klingonish' is not a language we know"), unknown.err());
    CliRun badDate = run("search", "--index", index, "ferry", "--from", "2024-13-45");
    assertEquals(2, badDate.exit());
    assertTrue(badDate.err().contains("--from: '2024-13-45' is not a valid date"), badDate.err());
  }

  @Test
  void search_modes_need_an_index_built_with_vectors() {
    String plain = dir.resolve("plain").toString();
    assertEquals(0, run("index", "--index", plain, "--corpus", "src/test/resources/index/corpus", "--no-progress").exit());
    CliRun refused = run("search", "--index", plain, "boat crossings restart", "--mode", "semantic");
    assertEquals(2, refused.exit());
    assertTrue(refused.err().contains("semantic search needs article vectors") && refused.err().contains("--vectors"),
        refused.err());

    String vectors = dir.resolve("vectors").toString();
    CliRun indexed = run("index", "--index", vectors, "--corpus", "src/test/resources/index/corpus", "--vectors",
        "--no-progress");
    assertEquals(0, indexed.exit(), indexed.err());
    CliRun found = run("search", "--index", vectors, "boat crossings restart", "--mode", "semantic", "--json");
    assertEquals(0, found.exit(), found.err());
    int ferry = found.out().indexOf("Ferry service resumes");
    assertTrue(found.out().replace(" ", "").contains("\"mode\":\"semantic\"") && ferry >= 0
        && ferry < found.out().indexOf("Harbour dredging begins") && ferry < found.out().indexOf("Lighthouse keeper"),
        "the ferry article is nearest: " + found.out());
  }

  @Test
  void strict_index_run_with_bad_records_exits_non_zero() {
    CliRun r = run("index", "--index", dir.resolve("ix").toString(), "--corpus",
        "src/test/resources/index/corpus", "--strict", "--no-progress");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("strict mode"), r.err());
  }

  @Test
  void an_index_run_that_cannot_write_says_why_in_plain_words_and_exits_1() throws Exception {
    // a file where the first generation's folder must go: the run cannot create it
    Path index = java.nio.file.Files.createDirectories(dir.resolve("ix"));
    java.nio.file.Files.writeString(index.resolve("gen-000001"), "not a folder");
    CliRun r = run("index", "--index", index.toString(), "--corpus", "src/test/resources/index/corpus",
        "--no-progress");
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().startsWith("error: the index run failed: an I/O error (FileAlreadyExistsException: ")
        && r.err().contains("; nothing of this run was committed and the index is as it was"), r.err());
    assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  @Test
  void bad_search_arguments_exit_2_with_a_message() {
    CliRun r = run("search", "--index", dir.resolve("ix").toString(), "--sort", "bogus", "x");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("sort"), r.err());
  }

  @Test
  void solr_backend_indexes_and_searches_the_same_way() throws Exception {
    String zk = io.newssearch.solr.SolrTestCluster.shared().zk();
    CliRun indexed = run("index", "--backend", "solr", "--zk", zk, "--collection", "cli", "--shards", "2", "--replicas", "2",
        "--corpus", "src/test/resources/index/corpus", "--no-progress");
    assertEquals(0, indexed.exit(), indexed.err());
    assertTrue(indexed.out().contains("indexed             4"), indexed.out());
    assertTrue(indexed.out().contains("feed.jsonl: line 3: "), indexed.out());

    CliRun found = run("search", "--backend", "solr", "--zk", zk, "--collection", "cli", "lighthouse keeper");
    assertEquals(0, found.exit(), found.err());
    assertTrue(found.out().startsWith("1 hit in "), found.out());
    assertTrue(found.out().contains("Lighthouse keeper retires"), found.out());
  }

  @Test
  void backend_options_that_do_not_fit_together_exit_2_naming_them() {
    CliRun noZk = run("search", "--backend", "solr", "x");
    assertEquals(2, noZk.exit());
    assertTrue(noZk.err().contains("--zk"), noZk.err());
    CliRun zkForLucene = run("search", "--index", dir.resolve("ix").toString(), "--zk", "localhost:2181", "x");
    assertEquals(2, zkForLucene.exit());
    assertTrue(zkForLucene.err().contains("--backend solr"), zkForLucene.err());
    CliRun badZk = run("search", "--backend", "solr", "--zk", "no port here", "x");
    assertEquals(2, badZk.exit());
    assertTrue(badZk.err().contains("host:port"), badZk.err());
    CliRun badBackend = run("search", "--backend", "elastic", "x");
    assertEquals(2, badBackend.exit());
    assertTrue(badBackend.err().contains("elastic"), badBackend.err());
  }
}

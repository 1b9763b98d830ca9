package io.newssearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What the command line says when something is wrong, run as a user types it: each message names
 * the path or option and what to do, and the exit code tells a script what happened.
 */
class CommandLineErrorsTest {

  static final String CORPUS = "src/test/resources/index/corpus";

  @TempDir Path dir;

  @Test
  void an_index_path_that_is_a_file_says_so() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "not an index");
    CliRun index = CliRun.of("index", "--index", file.toString(), "--corpus", CORPUS, "--no-progress");
    assertEquals(1, index.exit(), index.err());
    assertTrue(index.err().startsWith("error: " + file.toAbsolutePath() + " is a file, not a folder"), index.err());
    CliRun inside = CliRun.of("index", "--index", file.resolve("ix").toString(), "--corpus", CORPUS, "--no-progress");
    assertTrue(inside.err().contains(file.toAbsolutePath() + " is a file, not a folder (on the way to --index"), inside.err());
    CliRun search = CliRun.of("search", "--index", file.toString(), "x");
    assertEquals(1, search.exit());
    assertEquals("error: " + file + " is a file, not a folder: give --index the index folder", search.err().strip());
    assertEquals("not an index", Files.readString(file), "left alone");
  }

  @Test
  void a_folder_that_cannot_be_written_says_permission_denied() throws Exception {
    Path target;
    if ("root".equals(System.getProperty("user.name"))) {
      // root writes through any mode bits; sysfs refuses new entries even to root
      target = Path.of("/sys/newssearch-test-index");
      org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/sys")), "no /sys here");
    } else {
      Path readOnly = Files.createDirectory(dir.resolve("ro"));
      Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
      target = readOnly.resolve("ix");
    }
    CliRun r = CliRun.of("index", "--index", target.toString(), "--corpus", CORPUS, "--no-progress");
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().startsWith("error: cannot ") && r.err().contains(target.toString())
        && r.err().strip().endsWith(": permission denied"), r.err());
    assertFalse(Files.exists(target));
  }

  @Test
  void reading_a_missing_or_empty_index_says_so_and_creates_nothing() throws Exception {
    Path typo = dir.resolve("typo");
    CliRun search = CliRun.of("search", "--index", typo.toString(), "drill");
    assertEquals(1, search.exit(), search.out());
    assertEquals("error: there is no index at " + typo + "; build it with: newssearch index --index " + typo
        + " --corpus PATH", search.err().strip());
    assertEquals("", search.out());
    CliRun serve = CliRun.of("serve", "--index", typo.toString(), "--port", "0");
    assertEquals(1, serve.exit());
    assertTrue(serve.err().contains("there is no index at " + typo) && serve.err().contains("or serve with --corpus PATH"),
        serve.err());
    assertFalse(Files.exists(typo), "a read created the index folder");

    Path empty = dir.resolve("empty");
    Files.createDirectories(empty);
    Files.writeString(dir.resolve("only-bad.jsonl"), "{\"title\": 42}\n");
    CliRun indexed = CliRun.of("index", "--index", empty.toString(), "--corpus", dir.resolve("only-bad.jsonl").toString(),
        "--no-progress");
    assertEquals(0, indexed.exit(), indexed.err());
    CliRun searchEmpty = CliRun.of("search", "--index", empty.toString(), "drill");
    assertEquals(1, searchEmpty.exit());
    assertTrue(searchEmpty.err().contains("the index at " + empty.toAbsolutePath() + " holds no articles"), searchEmpty.err());
  }

  @Test
  void binary_files_are_skipped_with_one_line_and_bad_files_get_one_line_each() throws Exception {
    Path corpus = Files.createDirectory(dir.resolve("corpus"));
    byte[] noise = new byte[3000];
    new Random(17).nextBytes(noise);
    Files.write(corpus.resolve("noise.txt"), noise);
    Files.write(corpus.resolve("photo.md"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
    Files.copy(Path.of(CORPUS, "feed.jsonl"), corpus.resolve("feed.jsonl"));
    List<String> bad = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      bad.add("{\"id\": \"b" + i + "\", \"title\": " + i + "}");
    }
    Files.write(corpus.resolve("bad.jsonl"), bad);

    CliRun r = CliRun.of("index", "--index", dir.resolve("ix").toString(), "--corpus", corpus.toString(), "--no-progress");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(List.of("skipped (binary data, not text): " + corpus.resolve("noise.txt"),
        "skipped (binary data, not text): " + corpus.resolve("photo.md")),
        lines.stream().filter(l -> l.contains("binary")).toList());
    List<String> rejected = lines.stream().filter(l -> l.startsWith("rejected ") && l.contains(" in ")).toList();
    assertEquals(2, rejected.size(), r.out());
    assertEquals("rejected 30 records in " + corpus.resolve("bad.jsonl") + ": line 1: field 'title' must be a string, "
        + "not NUMBER; line 2: field 'title' must be a string, not NUMBER; line 3: field 'title' must be a string, "
        + "not NUMBER (and 27 more)", rejected.get(0));
    assertTrue(rejected.get(1).startsWith("rejected 2 records in " + corpus.resolve("feed.jsonl") + ": line 3: invalid "
        + "JSON at column 1: "), rejected.get(1));
    assertTrue(rejected.get(1).endsWith("; line 4: article has neither title nor body"), rejected.get(1));
    assertFalse(r.err().contains("rejected"), "no line per record besides the summary: " + r.err());

    CliRun search = CliRun.of("search", "--index", dir.resolve("ix").toString(), "--json");
    assertFalse(search.out().contains("\uFFFD"), "no article made of binary data");
  }

  /** What Windows PowerShell's {@code >} and Excel's "Unicode text" write: UTF-16 with a byte-order mark. */
  @Test
  void utf16_files_with_a_byte_order_mark_are_read_not_skipped_as_binary() throws Exception {
    Path corpus = Files.createDirectory(dir.resolve("corpus"));
    Files.write(corpus.resolve("windows.jsonl"), ("\uFEFF{\"id\": \"w1\", \"title\": \"Überschwemmung in Köln\", "
        + "\"body\": \"Der Rhein trat über die Ufer.\"}\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
    Files.write(corpus.resolve("excel.tsv"), ("\uFEFFtitle\tbody\r\nHarbour reopens\tThe harbour reopened today.\r\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_16BE));
    CliRun r = CliRun.of("index", "--index", dir.resolve("ix").toString(), "--corpus", corpus.toString(), "--no-progress");
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.out().contains("binary"), r.out());
    CliRun search = CliRun.of("search", "--index", dir.resolve("ix").toString(), "--json", "Köln OR harbour");
    assertTrue(search.out().contains("Überschwemmung in Köln") && search.out().contains("Harbour reopens"), search.out());
  }

  @Test
  void a_corpus_path_that_does_not_exist_is_a_usage_error_and_no_index_is_made() {
    Path missing = dir.resolve("no-such-corpus");
    CliRun r = CliRun.of("index", "--index", dir.resolve("ix").toString(), "--corpus", missing.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--corpus: there is no file or folder at " + missing.toAbsolutePath()), r.err());
    assertFalse(Files.exists(dir.resolve("ix")), "nothing created");
    CliRun serve = CliRun.of("serve", "--port", "0", "--index", dir.resolve("ix").toString(), "--corpus", missing.toString());
    assertEquals(2, serve.exit(), serve.err());
    assertTrue(serve.err().contains("--corpus: there is no file or folder at " + missing.toAbsolutePath()), serve.err());
    assertFalse(Files.exists(dir.resolve("ix")), "nothing created, no server started");
  }

  @Test
  void a_port_out_of_range_is_a_usage_error_before_anything_opens() {
    CliRun r = CliRun.of("serve", "--port", "99999", "--index", dir.resolve("none").toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--port must be between 0 and 65535, got 99999"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void max_rejects_fails_the_run_above_it_and_changes_nothing() throws Exception {
    String index = dir.resolve("ix").toString();
    CliRun over = CliRun.of("index", "--index", index, "--corpus", CORPUS, "--max-rejects", "1", "--no-progress");
    assertEquals(1, over.exit(), over.out());
    assertTrue(over.err().contains("2 rejected records, more than the 1 allowed; the index was left unchanged"), over.err());
    assertEquals(1, CliRun.of("search", "--index", index, "keeper").exit(), "nothing was committed");
    CliRun within = CliRun.of("index", "--index", index, "--corpus", CORPUS, "--max-rejects", "2", "--no-progress");
    assertEquals(0, within.exit(), within.err());
    CliRun negative = CliRun.of("index", "--index", index, "--corpus", CORPUS, "--max-rejects", "-1");
    assertEquals(2, negative.exit());
    assertTrue(negative.err().contains("--max-rejects: must be 0 or more"), negative.err());
  }

  @Test
  void the_progress_bar_is_drawn_only_on_a_terminal() {
    CliRun r = CliRun.of("index", "--index", dir.resolve("ix").toString(), "--corpus", CORPUS);
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.out().contains("\r") || r.err().contains("\r") || r.err().contains("Indexing"),
        "carriage-return frames in redirected output: " + r.err());
    assertTrue(r.out().contains("indexed             4"), r.out());
  }

  @Test
  void values_and_options_are_refused_in_plain_words_with_where_to_look() throws Exception {
    String index = dir.resolve("ix").toString();
    assertEquals(0, CliRun.of("index", "--index", index, "--corpus", CORPUS, "--no-progress").exit());
    CliRun date = CliRun.of("search", "--index", index, "x", "--from", "2024-13-45");
    assertEquals(2, date.exit());
    assertEquals("error: --from: '2024-13-45' is not a valid date: write YYYY-MM-DD (2025-07-25) or a date-time with "
        + "its zone (2025-07-25T10:00:00Z)", date.err().strip());
    CliRun scale = CliRun.of("search", "--index", index, "x", "--sort", "recency", "--recency-scale", "a week");
    assertTrue(scale.err().startsWith("error: --recency-scale: 'a week' is not a duration: write a number and a unit"),
        scale.err());
    CliRun budget = CliRun.of("serve", "--index", index, "--time-budget", "5x");
    assertEquals(2, budget.exit());
    assertTrue(budget.err().startsWith("error: Invalid value for option '--time-budget': '5x' is not a duration"), budget.err());
    assertTrue(budget.err().strip().endsWith("See 'newssearch serve --help' for the options."), budget.err());
    assertTrue(budget.err().lines().count() <= 3, "no usage text burying the message: " + budget.err());
    CliRun port = CliRun.of("serve", "--index", index, "--port", "eighty");
    assertTrue(port.err().contains("'eighty' is not a whole number"), port.err());
    CliRun typo = CliRun.of("search", "--index", index, "x", "--sise", "3");
    assertTrue(typo.err().contains("Possible solutions: --size"), typo.err());
    assertFalse((date.err() + scale.err() + budget.err()).contains("Exception"));
  }

  @Test
  void every_option_has_help_and_fixed_choices_are_listed() {
    List<String> missing = new ArrayList<>();
    check(Main.commandLine(), missing);
    assertEquals(List.of(), missing, "options without a description");
    CliRun help = CliRun.of("search", "--help");
    for (String shown : List.of("--sort=relevance|date|recency", "--op=and|or", "--collapse=story|none",
        "--dates=on|off", "--backend=lucene|solr", "--size=N", "Hits per page, 1-100", "--page=N")) {
      assertTrue(help.out().contains(shown), shown + " in:\n" + help.out());
    }
    assertTrue(CliRun.of("index", "--help").out().contains("--max-rejects=N"));
  }

  private static void check(CommandLine cl, List<String> missing) {
    for (OptionSpec o : cl.getCommandSpec().options()) {
      if (String.join("", o.description()).isBlank()) {
        missing.add(cl.getCommandSpec().qualifiedName() + " " + o.longestName());
      }
    }
    cl.getSubcommands().values().forEach(sub -> check(sub, missing));
  }
}

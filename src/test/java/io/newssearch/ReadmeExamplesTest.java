package io.newssearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.newssearch.alerts.Alerts;
import io.newssearch.alerts.WebhookPolicy;
import io.newssearch.alerts.WebhookSettings;
import io.newssearch.cli.CliRun;
import io.newssearch.cli.Main;
import io.newssearch.index.IndexProgress;
import io.newssearch.index.Indexer;
import io.newssearch.lucene.LuceneEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every {@code curl} and command-line example of README.md, run as a reader would run it, against
 * the sample corpus: a real server on a free port (the README's {@code localhost:8080} pointed at
 * it) for {@code curl}, the real command line for {@code index} and {@code search}, and for the
 * commands that need what a test has not got (a SolrCloud cluster, {@code ../shared}, a server
 * that runs until stopped) at least the check that the command line still takes them. An example
 * fails when it stops working, or when what the README says it shows (a status and words in its
 * comment, the JSON after it) no longer matches in substance; a search that finds nothing fails
 * too, since no example is there to show an empty page.
 */
class ReadmeExamplesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern STATUS = Pattern.compile("^(\\d{3})\\b");
  static final Pattern ERROR_CODE = Pattern.compile("\\b([a-z]+(?:_[a-z]+)+)\\b");
  static final Pattern HEADER = Pattern.compile("\\b([A-Z][A-Za-z-]+): ([^;#]+)");
  static final Pattern FIELD = Pattern.compile("\"([a-z_]+)\": \"([^\"]*)\"");
  /** curl's exit code when --max-time ends it: how a stream's example ends here. */
  static final int CURL_TIMED_OUT = 28;

  @TempDir Path dir;
  final Map<String, String> env = new HashMap<>();
  final List<String> failures = new ArrayList<>();

  @Test
  void every_example_of_the_readme_works_and_shows_what_it_says() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")) || Files.isExecutable(Path.of("/bin/curl")),
        "curl is not installed");
    ReadmeExamples readme = ReadmeExamples.parse(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
    Matcher export = Pattern.compile("(?m)^export (NEWSSEARCH_ADMIN_KEY)=(\\S+)").matcher(Files.readString(Path.of("README.md")));
    assertTrue(export.find(), "the README's write examples export the admin key");
    env.put(export.group(1), export.group(2));
    Files.writeString(dir.resolve("feed.jsonl"), TestHttp.article("feed-1", "Tide gauge sets a record") + "\n"
        + TestHttp.article("feed-2", "Second tide gauge reading") + "\n");

    Matcher allow = Pattern.compile("bin/newssearch serve [^\n]*--webhook-allow (\\S+)").matcher(Files.readString(Path.of("README.md")));
    assertTrue(allow.find(), "the README's alerts walk-through starts serve with --webhook-allow");
    List<String> webhookAllow = List.of(allow.group(1));

    try (Served plain = Served.start(dir.resolve("served"), false, env.get("NEWSSEARCH_ADMIN_KEY"), webhookAllow)) {
      Served withVectors = null;
      try {
        int ran = 0;
        for (ReadmeExamples.Example e : readme.examples()) {
          if (e.isCurl()) {
            if (e.vectors() && withVectors == null) {
              withVectors = Served.start(dir.resolve("served-vectors"), true, env.get("NEWSSEARCH_ADMIN_KEY"), webhookAllow);
            }
            ran += curl(e, (e.vectors() ? withVectors : plain).app().port()) ? 1 : 0;
          } else if (e.isCli()) {
            ran += cli(e) ? 1 : 0;
          }
        }
        assertTrue(ran >= 40, "examples run: " + ran);
        awaitRebuild(plain.app().port());
      } finally {
        if (withVectors != null) {
          withVectors.close();
        }
      }
    }
    assertEquals(List.of(), failures, "README examples that no longer work or show something else");
  }

  /**
   * @return whether it ran (a curl to another host, such as a Solr node, is not ours to run; one
   *     whose address an earlier answer gave, read from the file it was kept in with {@code jq}, is)
   */
  private boolean curl(ReadmeExamples.Example e, int port) throws Exception {
    if (!e.command().contains("localhost:8080") && !e.command().matches("curl \"\\$\\(jq -r \\.\\w+ [\\w.-]+\\)\"")) {
      return false;
    }
    boolean piped = e.command().contains("|") && !e.command().startsWith("gzip");
    List<String> words = ReadmeExamples.words(e.command(), env::get);
    boolean headers = words.stream().anyMatch(w -> w.equals("-i") || w.equals("-I"));
    boolean stream = words.contains("-N"); // runs until stopped: what arrives in 2 s is its answer
    String command = e.command().replace("localhost:8080", "127.0.0.1:" + port);
    if (!piped && !headers) {
      command = command.replaceFirst("curl ", "curl -s -i " + (stream ? "--max-time 2 " : ""));
    }
    Shell r = Shell.run(command, dir, env);
    String where = "README line " + e.line() + ": " + e.command() + "\n  ";
    if ((r.exit != 0 && !(stream && r.exit == CURL_TIMED_OUT)) || r.out.isBlank()) {
      failures.add(where + "exit " + r.exit + ", printed " + r.out + r.err);
      return true;
    }
    if (piped) {
      return true; // the pipe (grep, jq) has its own say: it printed something and succeeded
    }
    String[] parts = r.out.split("\r?\n\r?\n", 2);
    Matcher statusLine = Pattern.compile("^HTTP/[\\d.]+ (\\d{3})").matcher(parts[0]);
    assertTrue(statusLine.find(), where + r.out);
    int status = Integer.parseInt(statusLine.group(1));
    String body = parts.length > 1 ? parts[1] : "";
    Matcher said = STATUS.matcher(e.comment());
    if (said.find() ? status != Integer.parseInt(said.group(1)) : status / 100 != 2) {
      failures.add(where + "status " + status + (said.find(0) ? ", the README says " + said.group(1) : "") + ": " + body);
      return true;
    }
    if (e.command().contains("-I ")) {
      return true;
    }
    checkComment(e, where, parts[0], body);
    JsonNode json = body.isBlank() || !body.strip().startsWith("{") ? null : JSON.readTree(body);
    if (json != null && json.has("total") && json.has("hits") && json.get("total").asLong() == 0
        && !e.comment().contains("suggestion")) { // a did-you-mean example is about finding nothing
      failures.add(where + "finds nothing on the sample corpus");
    }
    if (e.shownJson() != null) {
      List<String> diffs = json == null ? List.of("not JSON: " + body) : ShownJson.differences(e.shownJson(), json);
      if (!diffs.isEmpty()) {
        failures.add(where + "the JSON shown after it differs: " + diffs + "\n  answer: " + abbreviate(body));
      }
    }
    return true;
  }

  /** Error codes ({@code regexp_without_prefix}), headers ({@code Allow: GET, HEAD}) and fields the comment names. */
  private void checkComment(ReadmeExamples.Example e, String where, String head, String body) {
    String comment = e.comment();
    Matcher field = FIELD.matcher(comment);
    while (field.find()) {
      if (!body.contains("\"" + field.group(1) + "\":\"" + field.group(2) + "\"")) {
        failures.add(where + "the comment shows " + field.group() + ": " + abbreviate(body));
      }
    }
    String withoutFields = FIELD.matcher(comment).replaceAll("");
    Matcher header = HEADER.matcher(withoutFields);
    while (header.find()) {
      String line = header.group(1) + ": " + header.group(2).strip();
      if (head.lines().noneMatch(l -> l.equalsIgnoreCase(line))) {
        failures.add(where + "no header '" + line + "' in:\n" + head);
      }
    }
    Matcher code = ERROR_CODE.matcher(HEADER.matcher(withoutFields).replaceAll(""));
    while (code.find()) {
      if (!body.contains("\"" + code.group(1) + "\"")) {
        failures.add(where + "the comment names " + code.group(1) + ": " + abbreviate(body));
      }
    }
  }

  /**
   * {@code index} and {@code search} on the embedded index run for real (into an index of their
   * own); every other command is parsed, so a renamed or dropped option still fails.
   */
  private boolean cli(ReadmeExamples.Example e) {
    for (String segment : e.command().split("&&|\\|\\||;|\\|")) {
      String s = segment.strip().replaceFirst("&$", "").strip();
      int at = s.indexOf("bin/newssearch ");
      if (at < 0) {
        continue;
      }
      List<String> args = ReadmeExamples.words(s.substring(at + "bin/newssearch ".length()), env::get);
      String where = "README line " + e.line() + ": " + s + "\n  ";
      boolean local = !args.contains("solr");
      if (local && (args.get(0).equals("index") || args.get(0).equals("search"))) {
        List<String> withIndex = new ArrayList<>(args);
        if (!withIndex.contains("--index")) {
          withIndex.addAll(List.of("--index", dir.resolve("cli").toString()));
        }
        CliRun r = CliRun.of(withIndex.toArray(String[]::new));
        if (r.exit() != 0 || r.out().startsWith("0 hits")) {
          failures.add(where + "exit " + r.exit() + ": " + r.out() + r.err());
        }
      } else {
        try {
          Main.commandLine().parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException bad) {
          failures.add(where + "the command line refuses it: " + bad.getMessage());
        }
      }
    }
    return true;
  }

  /** The reindex example starts a rebuild: let it finish before the index closes. */
  private void awaitRebuild(int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      var r = TestHttp.send(port, "GET", "/api/reindex", null, env.get("NEWSSEARCH_ADMIN_KEY"));
      if (r.status() != 200 || !r.body().get("running").asBoolean()) {
        return;
      }
      Thread.sleep(200);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 600 ? s.substring(0, 600) + "..." : s;
  }

  /**
   * The real server over the sample corpus (with article vectors, or not), writes enabled with the
   * README's key, keeping alerts as {@code serve} does (webhooks allowed to the README's
   * {@code --webhook-allow} host, tried once: nothing listens there).
   */
  record Served(LuceneEngine engine, AlertServer server) implements AutoCloseable {
    static Served start(Path index, boolean vectors, String key, List<String> webhookAllow) throws Exception {
      LuceneEngine engine = new LuceneEngine(index, java.time.Duration.ofMillis(500),
          io.newssearch.search.SearchLimits.DEFAULTS, vectors);
      var summary = engine.indexer().run(new Indexer.Options(List.of(Path.of("sample-corpus")), false, true),
          IndexProgress.NONE);
      assertEquals(0, summary.rejected());
      var webhooks = new WebhookSettings(new WebhookPolicy(webhookAllow), java.time.Duration.ofSeconds(1), 1,
          java.time.Duration.ofMillis(100), 100);
      return new Served(engine, AlertServer.start(engine, index.resolve(Alerts.FOLDER), webhooks,
          List.of(Path.of("sample-corpus")), key));
    }

    Javalin app() {
      return server.app();
    }

    @Override
    public void close() throws Exception {
      server.stop(engine);
    }
  }

  /** A shell command's exit code and output. */
  record Shell(int exit, String out, String err) {
    static Shell run(String command, Path cwd, Map<String, String> env) throws Exception {
      ProcessBuilder b = new ProcessBuilder("bash", "-c", command).directory(cwd.toFile());
      b.environment().putAll(env);
      Path out = Files.createTempFile(cwd, "out", ".txt");
      Path err = Files.createTempFile(cwd, "err", ".txt");
      Process p = b.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Shell(-1, "", "timed out");
      }
      return new Shell(p.exitValue(), Files.readString(out), Files.readString(err));
    }
  }
}

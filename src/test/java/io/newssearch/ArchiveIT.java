package io.newssearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as an operator gets it (after {@code mvn package}): unpacked, started with no
 * Java in the environment but a wrong {@code JAVA_HOME} and a wrong {@code java} first on the PATH,
 * it serves the sample corpus; and its runtime holds every JDK module the jars need, as jdeps sees
 * them.
 */
class ArchiveIT {

  @TempDir static Path dir;
  static Path home;

  @BeforeAll
  static void unpack() throws Exception {
    Path archive = Path.of(System.getProperty("newssearch.release.archive", "target/newssearch.tar.gz"));
    assertTrue(Files.isRegularFile(archive), archive + " is made by mvn package");
    run(dir, "tar", "xzf", archive.toAbsolutePath().toString(), "-C", dir.toString());
    try (Stream<Path> top = Files.list(dir)) {
      home = top.filter(p -> p.getFileName().toString().startsWith("newssearch-")).findFirst().orElseThrow();
    }
  }

  @Test
  void it_holds_the_launcher_the_jars_a_runtime_and_the_sample_corpus() throws Exception {
    assertTrue(Files.isExecutable(home.resolve("bin/newssearch")));
    assertTrue(Files.isExecutable(home.resolve("runtime/bin/java")));
    assertTrue(Files.isExecutable(home.resolve("runtime/lib/jspawnhelper")), "file modes kept");
    try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
      assertTrue(jars.anyMatch(j -> j.getFileName().toString().matches("newssearch-.*\\.jar")));
    }
    assertTrue(Files.isDirectory(home.resolve("sample-corpus/jsonl")));
    String release = Files.readString(home.resolve("runtime/release"));
    assertTrue(release.contains("jdk.incubator.vector"), release);
    assertTrue(Files.notExists(home.resolve("runtime/man")) && Files.notExists(home.resolve("runtime/include")));
  }

  @Test
  void it_holds_what_serve_needs_and_no_benchmark_or_evaluation_code_or_libraries() throws Exception {
    List<String> jars;
    try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
      jars = lib.map(j -> j.getFileName().toString()).sorted().toList();
    }
    List<String> tools = jars.stream().filter(j -> j.matches("(?i)(HdrHistogram|newssearch-tools).*")).toList();
    assertEquals(List.of(), tools, "tool libraries in the release's lib/");
    assertTrue(jars.stream().anyMatch(j -> j.startsWith("sqlite-jdbc")), "the alert store's SQLite driver: " + jars);
    Path ours = home.resolve("lib").resolve(jars.stream().filter(j -> j.startsWith("newssearch-")).findFirst().orElseThrow());
    try (JarFile jar = new JarFile(ours.toFile())) {
      List<String> toolClasses = java.util.Collections.list(jar.entries()).stream().map(e -> e.getName())
          .filter(n -> n.matches("io/newssearch/(bench|eval)/.*|io/newssearch/cli/(Bench|Eval).*")).toList();
      assertEquals(List.of(), toolClasses, "benchmark and evaluation classes in " + ours.getFileName());
      assertTrue(jar.getEntry("io/newssearch/cli/ServeCommand.class") != null);
    }
    Process bench = new ProcessBuilder(home.resolve("bin/newssearch").toString(), "bench", "query")
        .redirectErrorStream(true).start();
    String said = new String(bench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(bench.waitFor(60, TimeUnit.SECONDS));
    assertEquals(2, bench.exitValue(), said);
    assertTrue(said.contains("'bench' is not in this installation"), said);
  }

  @Test
  void it_serves_the_sample_corpus_with_no_java_installed_and_a_wrong_one_in_the_way() throws Exception {
    Path fakeBin = Files.createDirectories(dir.resolve("fake-bin"));
    Path fakeJava = fakeBin.resolve("java");
    Files.writeString(fakeJava, "#!/bin/sh\necho 'the wrong java ran' >&2\nexit 97\n");
    Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = dir.resolve("serve.log");
    ProcessBuilder b = new ProcessBuilder(home.resolve("bin/newssearch").toString(), "serve",
        "--corpus", home.resolve("sample-corpus").toString(), "--index", dir.resolve("index").toString())
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    b.environment().clear();
    b.environment().put("PATH", fakeBin + ":/usr/bin:/bin");
    b.environment().put("JAVA_HOME", "/nonexistent/jdk-8");
    b.environment().put("NEWSSEARCH_PORT", Integer.toString(port));
    long start = System.nanoTime();
    Process serve = b.start();
    HttpClient http = HttpClient.newHttpClient();
    try {
      long firstAnswer = -1;
      int status = -1;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      while (status != 200 && System.nanoTime() < deadline && serve.isAlive()) {
        try {
          status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
              HttpResponse.BodyHandlers.discarding()).statusCode();
          firstAnswer = firstAnswer < 0 ? System.nanoTime() : firstAnswer;
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(status == 200 ? 0 : 50);
      }
      assertEquals(200, status, "ready; its log:\n" + Files.readString(log));
      HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/api/search?q=naval+drill&lang=en")).build(), HttpResponse.BodyHandlers.ofString());
      long answered = System.nanoTime();
      assertEquals(200, found.statusCode(), found.body());
      JsonNode hit = new ObjectMapper().readTree(found.body()).at("/hits/0");
      assertTrue(hit.get("title").asText().contains("Naval Drill"), found.body());
      System.out.printf("release archive: listening after %.1f s, first search answered after %.1f s%n",
          (firstAnswer - start) / 1e9, (answered - start) / 1e9);
    } finally {
      serve.destroy();
      serve.waitFor(30, TimeUnit.SECONDS);
    }
    String output = Files.readString(log);
    assertTrue(!output.contains("the wrong java ran"), output);
    assertTrue(output.contains("shutdown complete"), output);
  }

  @Test
  void the_runtime_has_every_jdk_module_jdeps_finds_in_the_jars() throws Exception {
    // jdeps refuses modular jars whose own dependencies are not modules, so it reads their classes
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<String> roots = new ArrayList<>();
    try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
      for (Path jar : jars.sorted().toList()) {
        Path to = Files.createDirectories(classes.resolve(jar.getFileName().toString()));
        extractClasses(jar, to);
        roots.add(to.toString());
      }
    }
    List<String> jdeps = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jdeps").toString(),
        "--ignore-missing-deps", "--multi-release", Integer.toString(Runtime.version().feature()),
        "--print-module-deps"));
    jdeps.addAll(roots);
    String needed = run(dir, jdeps.toArray(String[]::new)).strip();
    Set<String> missing = new TreeSet<>(Arrays.asList(needed.substring(needed.lastIndexOf('\n') + 1).split(",")));
    String listed = run(dir, home.resolve("runtime/bin/java").toString(), "--list-modules");
    listed.lines().map(l -> l.replaceFirst("@.*", "")).forEach(missing::remove);
    assertEquals(Set.of(), missing, "modules the jars need that pom.xml's runtime.modules lacks");
  }

  static void extractClasses(Path jar, Path to) throws IOException {
    try (JarFile j = new JarFile(jar.toFile())) {
      for (var e : java.util.Collections.list(j.entries())) {
        String name = e.getName();
        if (!name.endsWith(".class") || name.endsWith("module-info.class") || name.contains("..")) {
          continue;
        }
        Path out = to.resolve(name);
        Files.createDirectories(out.getParent());
        try (InputStream in = j.getInputStream(e)) {
          Files.copy(in, out);
        }
      }
    }
  }

  static String run(Path workDir, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
    assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out);
    return out;
  }
}

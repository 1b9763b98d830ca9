package io.newssearch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The command line in a child JVM with this JVM's classpath, as a user runs it (its own process, killable). */
public final class TestProcesses {

  private TestProcesses() {}

  /** Starts {@code newssearch ARGS}; its stdout and stderr go to {@code log}. */
  public static Process newssearch(Path log, String... args) throws IOException {
    return newssearch(log, Map.of(), args);
  }

  /** The same with variables added to this process's environment. */
  public static Process newssearch(Path log, Map<String, String> environment, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.newssearch.cli.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    b.environment().putAll(environment);
    return b.start();
  }
}

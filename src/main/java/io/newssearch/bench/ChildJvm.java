package io.newssearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A newssearch command in its own JVM, started the way {@code bin/newssearch} starts one (its JVM
 * flags and a given {@code -Xmx}), watched from outside: resident memory and CPU time sampled
 * every few seconds from /proc and the process table, the heap from its GC log ({@link GcLog}),
 * output to a log file whose last lines are kept. A run that exceeds its time limit, or that uses
 * no CPU for a whole stall window (a JVM blocked forever, as an indexer whose workers died was), is
 * killed and reported as such instead of waited for.
 */
public final class ChildJvm implements AutoCloseable {

  /** How a child ended. */
  public enum Outcome { FINISHED, FAILED, HANG, TIMEOUT, STOPPED }

  /**
   * @param stall no CPU progress for this long is a hang; null for a server, which may idle
   */
  public record Spec(String name, String heap, List<String> jvmOptions, List<String> args, Path dir,
      Duration timeout, Duration stall, Duration sampleEvery) {}

  /** Resident memory at one time. */
  public record Rss(double seconds, long bytes) {}

  /** What happened: outcome, exit code, time, memory; the heap series and the log's last lines. */
  public record Result(String name, String xmx, Outcome outcome, int exitCode, double seconds, long peakRssBytes,
      long maxHeapAfterGcBytes, List<GcLog.Point> heap, List<Rss> rss, List<String> lastLines) {}

  /** The flags bin/newssearch gives every run besides NEWSSEARCH_JAVA_OPTS. */
  static final List<String> LAUNCHER_FLAGS = List.of("--enable-native-access=ALL-UNNAMED", "--add-modules",
      "jdk.incubator.vector");
  /** CPU below this share of one core over a stall window means nothing is running. */
  private static final double STALL_CPU_SHARE = 0.02;
  private static final int LAST_LINES = 15;

  private final Spec spec;
  private final Process process;
  private final long startNanos = System.nanoTime();
  private final Path gcLog;
  private final Path outLog;
  private final List<Rss> rss = new ArrayList<>();
  private final Thread watcher;
  private final Thread killOnExit;
  private volatile Outcome verdict; // set by the watcher when it kills
  private volatile boolean stopping;
  private long peakRss;

  private ChildJvm(Spec spec) throws IOException {
    this.spec = spec;
    Files.createDirectories(spec.dir());
    this.gcLog = spec.dir().resolve(spec.name() + "-gc.log");
    this.outLog = spec.dir().resolve(spec.name() + ".log");
    Files.deleteIfExists(gcLog);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(LAUNCHER_FLAGS);
    cmd.add("-Xmx" + spec.heap());
    cmd.addAll(spec.jvmOptions());
    cmd.add(GcLog.flag(gcLog));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.newssearch.cli.Main"));
    cmd.addAll(spec.args());
    this.process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(outLog.toFile()).start();
    // a benchmark stopped with Ctrl-C must not leave a server or an indexer behind
    this.killOnExit = new Thread(process::destroyForcibly, spec.name() + "-kill");
    Runtime.getRuntime().addShutdownHook(killOnExit);
    this.watcher = new Thread(this::watch, spec.name() + "-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  public static ChildJvm start(Spec spec) throws IOException {
    return new ChildJvm(spec);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** Waits for the child to end by itself (or be killed by the watcher) and reports. */
  public Result await() throws IOException, InterruptedException {
    process.waitFor();
    watcher.join();
    return result();
  }

  /** Asks the child to stop (SIGTERM, as a service manager would), kills it if it does not, reports. */
  public Result stop() throws IOException, InterruptedException {
    stopping = true;
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    watcher.join();
    return result();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs anyway
    }
  }

  private void watch() {
    long every = spec.sampleEvery().toMillis();
    long windowStart = System.nanoTime();
    long windowCpu = cpuNanos();
    while (process.isAlive()) {
      try {
        if (process.waitFor(every, TimeUnit.MILLISECONDS)) break;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      sampleMemory();
      long now = System.nanoTime();
      if (spec.timeout() != null && now - startNanos > spec.timeout().toNanos()) {
        kill(Outcome.TIMEOUT);
        return;
      }
      if (spec.stall() != null && now - windowStart >= spec.stall().toNanos()) {
        long cpu = cpuNanos();
        if (cpu >= 0 && windowCpu >= 0 && cpu - windowCpu < STALL_CPU_SHARE * (now - windowStart)) {
          kill(Outcome.HANG);
          return;
        }
        windowStart = now;
        windowCpu = cpu;
      }
    }
  }

  private void kill(Outcome why) {
    verdict = why;
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private long cpuNanos() {
    return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
  }

  /** VmRSS and VmHWM (the peak) from /proc; nothing on systems without it. */
  private synchronized void sampleMemory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss.add(new Rss((System.nanoTime() - startNanos) / 1e9, kb(line)));
        } else if (line.startsWith("VmHWM:")) {
          peakRss = Math.max(peakRss, kb(line));
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone between the check and the read, or no /proc: the sample is skipped
    }
  }

  private static long kb(String line) {
    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
  }

  private synchronized Result result() throws IOException {
    int code = process.exitValue();
    Outcome outcome = verdict != null ? verdict : stopping ? Outcome.STOPPED : code == 0 ? Outcome.FINISHED : Outcome.FAILED;
    List<GcLog.Gc> gcs = GcLog.read(gcLog);
    return new Result(spec.name(), spec.heap(), outcome, code, (System.nanoTime() - startNanos) / 1e9, peakRss,
        GcLog.maxAfter(gcs), GcLog.series(gcs, spec.sampleEvery().toMillis() / 1000.0), List.copyOf(rss), lastLines());
  }

  private List<String> lastLines() throws IOException {
    if (!Files.exists(outLog)) return List.of();
    List<String> lines = new ArrayList<>();
    // the log of a long run can be large: read it as a stream, keeping only the tail
    try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(outLog),
        StandardCharsets.UTF_8))) { // replaces bad bytes instead of failing on them
      for (String line; (line = in.readLine()) != null; ) {
        lines.add(line);
        if (lines.size() > LAST_LINES) lines.removeFirst();
      }
    }
    return lines;
  }

  /** The output log, for a caller that reads what the child printed (its port, its summary). */
  public Path outputLog() {
    return outLog;
  }
}

package io.newssearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

/**
 * What every fuzz target ({@code *FuzzTest}, run by Jazzer) shares: what counts as a finding
 * besides an exception.
 *
 * <p>An input that runs longer than {@link #LIMIT} fails its target (a super-linear path: a
 * regular expression that backtracks, a loop over every character pair). One that has not finished
 * after {@link #HANG} never will: a watchdog saves it as {@code timeout-<sha1>} beside the target's
 * other findings ({@code src/test/resources/<package>/<Class>Inputs/fuzz/}) and halts the JVM, so
 * the run fails and the input is kept to reproduce (libFuzzer's own timeout is not reachable
 * through Jazzer's JUnit integration).
 */
public final class Fuzzing {

  /** Slower than this for one input, twice, is a finding. Normal inputs take microseconds to milliseconds. */
  public static final Duration LIMIT = Duration.ofSeconds(10);
  /** Not finished after this is a hang. */
  public static final Duration HANG = Duration.ofSeconds(60);

  /** The work for one input; may throw what the target allows, which it catches itself. */
  @FunctionalInterface
  public interface Body {
    void run() throws Exception;
  }

  private static volatile long startedAt;
  /** Inputs finished in this JVM: the first one is not watched for hangs (see {@link #watch}). */
  private static volatile long finished;
  private static volatile byte[] running;
  private static volatile Class<?> target;

  static {
    Thread watchdog = new Thread(Fuzzing::watch, "fuzz-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private Fuzzing() {}

  /**
   * Runs one input of {@code testClass}'s target (its method is named {@code fuzz}). An input over
   * the limit is run once more and is a finding only if it is slow again: the first inputs of a
   * JVM also pay for class loading, instrumentation and compilation, and a loaded machine can
   * stall any one of them, but a slow path is slow every time.
   */
  public static void run(Class<?> testClass, byte[] input, Body body) throws Exception {
    target = testClass;
    running = input;
    long ms = timed(body);
    if (ms > LIMIT.toMillis()) {
      long again = timed(body);
      if (again > LIMIT.toMillis()) {
        throw new AssertionError("one input took " + ms + " ms, and " + again + " ms again; the limit is "
            + LIMIT.toMillis() + " ms");
      }
    }
  }

  private static long timed(Body body) throws Exception {
    long start = System.nanoTime();
    startedAt = start;
    try {
      body.run();
    } finally {
      startedAt = 0;
      finished++;
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void watch() {
    while (true) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
      long start = startedAt;
      // The first input of a JVM also loads models and builds indexes on a machine that may be
      // loaded: only later ones are judged (the fork's own timeout in the pom catches the rest).
      if (start != 0 && finished > 0 && System.nanoTime() - start > HANG.toNanos()) {
        Path saved = save(target, running);
        System.err.println("FUZZ HANG: an input of " + target.getSimpleName() + " has run for over " + HANG.toSeconds()
            + " s; saved as " + saved + "; halting");
        Runtime.getRuntime().halt(3);
      }
    }
  }

  private static Path save(Class<?> testClass, byte[] input) {
    try {
      Path dir = Path.of("src", "test", "resources", testClass.getPackageName().replace('.', '/'),
          testClass.getSimpleName() + "Inputs", "fuzz");
      Files.createDirectories(dir);
      String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(input));
      return Files.write(dir.resolve("timeout-" + sha1), input).toAbsolutePath();
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      return Path.of("(not saved: " + e + ")");
    }
  }
}

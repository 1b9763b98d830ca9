package io.newssearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load through the real HTTP server with {@code wrk} (Debian package {@code wrk}) on 127.0.0.1: a
 * Lua script cycles through a mix of search URLs; each level of connections runs for a bounded
 * time; requests/s and wrk's latency percentiles are parsed from its report.
 */
public final class HttpBenchmark {

  /** One wrk run. Latencies in microseconds. */
  public record Level(int connections, int run, double requestsPerSecond, double p50, double p75, double p90,
      double p99, long errors) {}

  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern PCT = Pattern.compile("^\\s+(50|75|90|99)%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
  private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)|Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  private HttpBenchmark() {}

  /** Whether wrk can be run; the message to show when not. */
  public static String wrkMissing() {
    try {
      Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      p.waitFor();
      return null;
    } catch (IOException e) {
      return "bench http needs wrk (Debian/Ubuntu: apt-get install wrk; https://github.com/wg/wrk), which is not on the PATH";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** Writes the Lua script that cycles through the URLs; each wrk thread starts at its own offset. */
  public static Path script(List<String> paths, Path dir) throws IOException {
    StringBuilder lua = new StringBuilder("local paths = {\n");
    for (String p : paths) {
      lua.append("  \"").append(p.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
    }
    lua.append("}\n")
        .append("local i = math.random(#paths)\n")
        .append("request = function()\n")
        .append("  i = i % #paths + 1\n")
        .append("  return wrk.format(\"GET\", paths[i])\n")
        .append("end\n");
    Path file = Files.createTempFile(dir, "wrk-", ".lua");
    Files.writeString(file, lua, StandardCharsets.UTF_8);
    return file;
  }

  /** Runs wrk once against {@code http://127.0.0.1:port} and parses its report. */
  public static Level run(int port, Path script, int connections, int seconds, int runNumber) throws IOException {
    int threads = Math.min(2, connections);
    List<String> cmd = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency",
        "-s", script.toString(), "http://127.0.0.1:" + port);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IOException("wrk failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
    return parse(out, connections, runNumber);
  }

  static Level parse(String out, int connections, int run) {
    Matcher m = RPS.matcher(out);
    double rps = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    double[] pct = new double[4];
    Matcher pm = PCT.matcher(out);
    List<String> order = List.of("50", "75", "90", "99");
    while (pm.find()) {
      double v = Double.parseDouble(pm.group(2));
      double micros = switch (pm.group(3)) {
        case "us" -> v;
        case "ms" -> v * 1000;
        default -> v * 1_000_000;
      };
      pct[order.indexOf(pm.group(1))] = micros;
    }
    long errors = 0;
    Matcher em = ERRORS.matcher(out);
    while (em.find()) {
      for (int g = 1; g <= em.groupCount(); g++) {
        if (em.group(g) != null) errors += Long.parseLong(em.group(g));
      }
    }
    return new Level(connections, run, rps, pct[0], pct[1], pct[2], pct[3], errors);
  }

  public static List<String> urls(List<QueryCase> queries) {
    List<String> out = new ArrayList<>();
    for (QueryCase q : queries) {
      out.add(q.url());
    }
    return out;
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }
}

package io.newssearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap over time of a JVM started with {@code -Xlog:gc:file=F:uptime}, read from that file:
 * every collection's heap before → after (committed). The JVM writes the file itself, so nothing
 * attaches to it or runs beside it, and the record survives an OutOfMemoryError, a hang and a kill.
 * "After" is what survived the collection: with G1 an upper bound of the live data (old garbage
 * stays until a mixed collection), so a heap that grows with the run shows as a rising floor.
 */
public final class GcLog {

  /** One collection, bytes. */
  public record Gc(double seconds, long beforeBytes, long afterBytes, long committedBytes) {}

  /** The heap at one time: the most that survived a collection in the interval ending then. */
  public record Point(double seconds, long afterGcBytes, long committedBytes) {}

  // [12.345s] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 412M->88M(1024M) 12.345ms
  private static final Pattern LINE = Pattern.compile(
      "^\\[(\\d+[.,]\\d+)s\\].*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  private GcLog() {}

  /** The JVM flag that writes the log this class reads. */
  public static String flag(Path file) {
    return "-Xlog:gc:file=" + file + ":uptime";
  }

  public static List<Gc> read(Path file) throws IOException {
    List<Gc> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      Matcher m = LINE.matcher(line);
      if (m.find()) {
        out.add(new Gc(Double.parseDouble(m.group(1).replace(',', '.')), bytes(m.group(2), m.group(3)),
            bytes(m.group(4), m.group(5)), bytes(m.group(6), m.group(7))));
      }
    }
    return out;
  }

  /** One point per interval that saw a collection: the interval's largest after-GC heap. */
  public static List<Point> series(List<Gc> gcs, double intervalSeconds) {
    List<Point> out = new ArrayList<>();
    Point current = null;
    for (Gc g : gcs) {
      double end = (Math.floor(g.seconds() / intervalSeconds) + 1) * intervalSeconds;
      if (current != null && current.seconds() == end) {
        if (g.afterBytes() > current.afterGcBytes()) current = new Point(end, g.afterBytes(), g.committedBytes());
      } else {
        if (current != null) out.add(current);
        current = new Point(end, g.afterBytes(), g.committedBytes());
      }
    }
    if (current != null) out.add(current);
    return out;
  }

  public static long maxAfter(List<Gc> gcs) {
    return gcs.stream().mapToLong(Gc::afterBytes).max().orElse(0);
  }

  private static long bytes(String n, String unit) {
    long v = Long.parseLong(n);
    return switch (unit) {
      case "K" -> v << 10;
      case "M" -> v << 20;
      default -> v << 30;
    };
  }
}

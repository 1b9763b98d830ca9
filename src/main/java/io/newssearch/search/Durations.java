package io.newssearch.search;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them, one grammar for every parameter and option that takes one
 * ({@code recency_scale}, {@code --time-budget}, {@code --shutdown-timeout}): a whole number and a
 * unit — {@code 500ms}, {@code 2s}, {@code 1m}, {@code 12h}, {@code 7d}, {@code 2w} — or ISO 8601
 * ({@code P7D}, {@code PT12H}).
 */
public final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d|w)");

  private Durations() {}

  /** @throws InvalidRequestException naming {@code parameter} when the text is neither form */
  public static Duration parse(String parameter, String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        case "d" -> Duration.ofDays(n);
        default -> Duration.ofDays(7 * n);
      };
    }
    try {
      return Duration.parse(t.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw InvalidRequestException.parameter(parameter, "'" + text
          + "' is not a duration: write a number and a unit (500ms, 2s, 1m, 12h, 7d, 2w) or ISO 8601 (P7D, PT12H)");
    }
  }

  /** The short form back: whole days as {@code 14d}, else hours, else ISO. */
  public static String format(Duration d) {
    if (d.toSeconds() % 86_400 == 0) {
      return d.toDays() + "d";
    }
    if (d.toSeconds() % 3_600 == 0) {
      return d.toHours() + "h";
    }
    return d.toString();
  }
}

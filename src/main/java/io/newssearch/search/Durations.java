package io.newssearch.search;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in a URL ({@code 7d}, {@code 12h}, {@code 2w}) or as ISO 8601
 * ({@code P7D}, {@code PT12H}); used for {@code recency_scale}.
 */
public final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d{1,6})\\s*([mhdw])");

  private Durations() {}

  /** @throws InvalidRequestException naming {@code parameter} when the text is neither form */
  public static Duration parse(String parameter, String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
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
          + "' is not a duration: write 7d, 12h, 2w or ISO 8601 such as P7D or PT12H");
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

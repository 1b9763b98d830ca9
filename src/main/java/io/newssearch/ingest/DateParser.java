package io.newssearch.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the publication dates news files carry, in every format, into a UTC {@link Instant}.
 *
 * <p>Accepted: ISO dates and date-times (offset, Z or none; "T" or a space), RFC 1123, numeric
 * day-month-year with '.', '/' or '-', and textual dates with month names in English, French,
 * German, Spanish, Italian, Portuguese, Russian (genitive too), Arabic (Egyptian and Levantine names)
 * and Persian (Gregorian months), with optional weekday, ordinal suffix and time (08:15 or 08.15,
 * a zone by abbreviation: EST, CET, EAT...), in Western, Eastern Arabic or Persian digits. A page's
 * date line may carry a label ({@link #parseLine}); a field's value may be epoch time ({@link
 * #parseField}).
 *
 * <p>Decisions: a date without time is midnight UTC; a time without zone is UTC. "05/07/2025" is
 * read day-first (5 July) as in most of the world's news; only when the second number cannot be a
 * month (above 12) is it read month-first: "07/25/2025" is 25 July.
 *
 * <p>Textual dates are parsed strictly: every word must be a month, weekday, time or a known filler
 * ("de", "of", "г."), so a headline that merely mentions a month is not taken for a date line.
 * Bad input gives {@link Optional#empty()}, never an exception.
 */
public final class DateParser {

  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
          + "\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?)?");
  private static final Pattern NUMERIC = Pattern.compile(
      "(\\d{1,4})[./-](\\d{1,2})[./-](\\d{1,4})\\.?(?:,?\\s+(\\d{1,2}:\\d{2}(?::\\d{2})?))?");
  /** "08:15", "08:15:30", and in a written date "08.15" (as some British papers print it). */
  private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?");
  /**
   * What a page prints before its date line: "Updated:", "Published on", "Publié le"... taken off
   * a line before it is read as a date ({@link #parseLine}).
   */
  private static final Pattern LINE_LABEL = Pattern.compile("^(?:(?:last\\s+)?(?:updated|published|posted|modified|"
      + "first\\s+published)(?:\\s+(?:on|at))?|publié\\s+le|mis\\s+à\\s+jour\\s+le|veröffentlicht\\s+am|"
      + "aktualisiert\\s+am|stand|publicado(?:\\s+el)?|actualizado(?:\\s+el)?|pubblicato\\s+il|"
      + "aggiornato\\s+il|publicado\\s+em|atualizado\\s+em|опубликовано|обновлено)\\s*[:\\-–—]?\\s*",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** Zones a written date names by abbreviation, as the US and European press print them. */
  private static final Map<String, ZoneOffset> ZONES = Map.ofEntries(
      Map.entry("est", ZoneOffset.ofHours(-5)), Map.entry("edt", ZoneOffset.ofHours(-4)),
      Map.entry("cst", ZoneOffset.ofHours(-6)), Map.entry("cdt", ZoneOffset.ofHours(-5)),
      Map.entry("mst", ZoneOffset.ofHours(-7)), Map.entry("mdt", ZoneOffset.ofHours(-6)),
      Map.entry("pst", ZoneOffset.ofHours(-8)), Map.entry("pdt", ZoneOffset.ofHours(-7)),
      Map.entry("bst", ZoneOffset.ofHours(1)),
      Map.entry("cet", ZoneOffset.ofHours(1)), Map.entry("cest", ZoneOffset.ofHours(2)),
      Map.entry("mez", ZoneOffset.ofHours(1)), Map.entry("mesz", ZoneOffset.ofHours(2)),
      Map.entry("eet", ZoneOffset.ofHours(2)), Map.entry("eest", ZoneOffset.ofHours(3)),
      Map.entry("wat", ZoneOffset.ofHours(1)), Map.entry("cat", ZoneOffset.ofHours(2)),
      Map.entry("eat", ZoneOffset.ofHours(3)), Map.entry("msk", ZoneOffset.ofHours(3)),
      Map.entry("jst", ZoneOffset.ofHours(9)), Map.entry("kst", ZoneOffset.ofHours(9)));
  private static final Pattern ORDINAL = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th|er|e|º|°|-?го|-е)?");
  /** Words that may surround a textual date without making it something else. */
  private static final Set<String> FILLERS = Set.of(
      "de", "del", "of", "the", "on", "le", "am", "den", "el", "г", "г.", "года", "год", "um", "à",
      "a", "at", "utc", "gmt", "z", "в", "في", "م", "h", "uhr");
  private static final Set<String> AM_PM = Set.of("am", "pm", "a.m.", "p.m.", "a.m", "p.m");

  /** Epoch seconds (9–10 digits) or milliseconds (12–13), written as text in a field. */
  private static final Pattern EPOCH = Pattern.compile("\\d{9,10}|\\d{12,13}");
  /** ISO's basic date, 20250725, in a field. */
  private static final Pattern BASIC_DATE = Pattern.compile("(?:19|20)\\d{6}");

  private DateParser() {}

  /**
   * A line of a page that may be its date line ("Updated: 12 March 2024, 08:15 GMT"): as {@link
   * #parse}, once a leading label such as "Published on" or "Mis à jour le" is taken off.
   */
  public static Optional<Instant> parseLine(String line) {
    if (line == null) return Optional.empty();
    Optional<Instant> whole = parse(line);
    if (whole.isPresent()) return whole;
    String rest = LINE_LABEL.matcher(line.strip()).replaceFirst("");
    return rest.length() < line.strip().length() ? parse(rest) : Optional.empty();
  }

  /**
   * A field's value (JSON, a CSV column, a header line): as {@link #parse}, and also epoch seconds
   * or milliseconds and basic ISO dates written as digits, which in running text would be other
   * numbers.
   */
  public static Optional<Instant> parseField(String text) {
    String s = text == null ? "" : text.strip();
    try {
      if (EPOCH.matcher(s).matches()) {
        long n = Long.parseLong(s);
        return Optional.of(s.length() <= 10 ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n));
      }
      if (BASIC_DATE.matcher(s).matches()) {
        return Optional.of(LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
    } catch (DateTimeException e) {
      return Optional.empty(); // 20251399: not a date
    }
    return parse(text);
  }

  public static Optional<Instant> parse(String text) {
    if (text == null || text.isBlank() || text.length() > 80) {
      return Optional.empty();
    }
    String s = normaliseDigits(text.strip());
    try {
      return iso(s).or(() -> zoned(s)).or(() -> rfc1123(s)).or(() -> numeric(s)).or(() -> textual(s));
    } catch (DateTimeException | ArithmeticException e) {
      // An impossible date such as 31 February: the text is not a usable date, which callers treat
      // like any other unreadable value.
      return Optional.empty();
    }
  }

  /** Eastern Arabic (٠-٩) and Persian (۰-۹) digits as ASCII, and the Arabic comma as a comma. */
  static String normaliseDigits(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '\u0660' && c <= '\u0669') c = (char) ('0' + c - '\u0660');
      else if (c >= '\u06F0' && c <= '\u06F9') c = (char) ('0' + c - '\u06F0');
      else if (c == '\u060C') c = ',';
      b.append(c);
    }
    return b.toString();
  }

  private static Optional<Instant> iso(String s) {
    Matcher m = ISO.matcher(s);
    if (!m.matches()) return Optional.empty();
    LocalDate date = LocalDate.of(num(m.group(1)), num(m.group(2)), num(m.group(3)));
    if (m.group(4) == null) return Optional.of(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    int nanos = m.group(7) == null ? 0 : num((m.group(7) + "00000000").substring(0, 9));
    LocalDateTime local = date.atTime(num(m.group(4)), num(m.group(5)),
        m.group(6) == null ? 0 : num(m.group(6)), nanos);
    return Optional.of(local.atOffset(offset(m.group(8))).toInstant());
  }

  private static ZoneOffset offset(String zone) {
    if (zone == null || zone.equalsIgnoreCase("z") || zone.equals("UTC") || zone.equals("GMT")) {
      return ZoneOffset.UTC;
    }
    String z = zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
    return ZoneOffset.of(z);
  }

  /** ISO with a region, as Java writes a zoned date-time: 2025-07-25T10:00:00+02:00[Europe/Paris]. */
  private static Optional<Instant> zoned(String s) {
    if (!s.endsWith("]")) return Optional.empty();
    try {
      return Optional.of(ZonedDateTime.parse(s, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> rfc1123(String s) {
    try {
      return Optional.of(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty(); // not RFC 1123; the next reader gets its turn
    }
  }

  private static Optional<Instant> numeric(String s) {
    Matcher m = NUMERIC.matcher(s);
    if (!m.matches()) return Optional.empty();
    int a = num(m.group(1)), b = num(m.group(2)), c = num(m.group(3));
    LocalDate date;
    if (m.group(1).length() == 4) {
      date = LocalDate.of(a, b, c); // 2025/07/25
    } else if (m.group(3).length() == 4) {
      date = a > 12 || b <= 12 ? LocalDate.of(c, b, a) : LocalDate.of(c, a, b);
    } else {
      return Optional.empty(); // two-digit years are too ambiguous to guess
    }
    return Optional.of(atTime(date, m.group(4)));
  }

  private static Optional<Instant> textual(String s) {
    String joined = s;
    for (String multi : CalendarWords.multiWordMonths()) {
      joined = joined.replace(multi, multi.replace(' ', '_'));
    }
    int month = 0, day = 0, year = 0;
    String time = null;
    String amPm = null;
    ZoneOffset zone = ZoneOffset.UTC;
    List<String> words = new ArrayList<>();
    for (String w : joined.split("[\\s,]+")) {
      if (!w.isEmpty()) words.add(w);
    }
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String bare = w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
      Matcher ordinal = ORDINAL.matcher(bare.toLowerCase(Locale.ROOT));
      if (bare.matches("\\d{4}") && year == 0) {
        year = num(bare);
      } else if (ordinal.matches() && day == 0) {
        day = num(ordinal.group(1));
      } else if (TIME.matcher(bare).matches() && time == null) {
        time = bare;
      } else if (AM_PM.contains(w.toLowerCase(Locale.ROOT))) {
        amPm = w.toLowerCase(Locale.ROOT);
      } else if (CalendarWords.month(w) > 0 && month == 0) {
        month = CalendarWords.month(w);
      } else if (time != null && ZONES.containsKey(bare.toLowerCase(Locale.ROOT))) {
        zone = ZONES.get(bare.toLowerCase(Locale.ROOT));
      } else if (!CalendarWords.isWeekday(w) && !FILLERS.contains(w.toLowerCase(Locale.ROOT))) {
        return Optional.empty();
      }
    }
    if (month == 0 || day == 0 || year == 0) return Optional.empty();
    return Optional.of(atTime(LocalDate.of(year, month, day), twentyFourHour(time, amPm), zone));
  }

  /** "3:15" with "pm" is 15:15, "12:05" with "am" is 00:05; without am/pm the time is as written. */
  private static String twentyFourHour(String time, String amPm) {
    if (time == null || amPm == null) return time;
    int colon = Math.max(time.indexOf(':'), time.indexOf('.'));
    int hour = num(time.substring(0, colon)) % 12 + (amPm.startsWith("p") ? 12 : 0);
    return hour + time.substring(colon);
  }

  private static Instant atTime(LocalDate date, String time) {
    return atTime(date, time, ZoneOffset.UTC);
  }

  private static Instant atTime(LocalDate date, String time, ZoneOffset zone) {
    if (time == null) return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    Matcher t = TIME.matcher(time);
    t.matches(); // callers only pass text TIME or NUMERIC already matched
    LocalTime lt = LocalTime.of(num(t.group(1)), num(t.group(2)),
        t.group(3) == null ? 0 : num(t.group(3)));
    return OffsetDateTime.of(date, lt, zone).toInstant();
  }

  private static int num(String digits) {
    return Integer.parseInt(digits);
  }
}

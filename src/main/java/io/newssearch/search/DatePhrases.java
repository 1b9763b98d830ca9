package io.newssearch.search;

import io.newssearch.ingest.CalendarWords;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the first date phrase in a query ("last week", "since March 2024", "с марта 2024") and
 * turns it into a publication-date range, relative to a given now, in UTC.
 *
 * <p>Rules that keep false positives rare (tested as a table in {@code DatePhrasesTest}):
 * <ul>
 *   <li>a month name is a date only after a preposition (since, in, before, after, between, from,
 *       and their French, German, Russian, Spanish, Italian, Portuguese equivalents) or right before
 *       a year: "March of the Penguins" and "prices may fall" stay words;
 *   <li>a month followed by "of" is a name ("in March of the Penguins");
 *   <li>short abbreviations ("mar", "ago", "set", "out") count only when a year follows;
 *   <li>a bare year or ISO date counts only after a preposition ("2024 election" stays words);
 *   <li>words inside quotes or right after a field name ({@code title:may}) are never read.
 * </ul>
 * Rolling phrases ("last week", "past 3 days") end now; "this week/month/year" start at the
 * calendar period's start; a month without a year is its latest start not after now.
 */
public final class DatePhrases {

  /**
   * A range found in the query: {@code to} is inclusive (the last millisecond of the period); an
   * open end is null. {@code query} is what is left to search once the phrase is taken out.
   */
  public record Found(String text, Instant from, Instant to, String query) {}

  private enum Kind { SINCE, AFTER, BEFORE, IN, BETWEEN }

  private static final Set<String> SINCE = Set.of("since", "from", "depuis", "seit", "ab", "с", "со",
      "desde", "dal", "dalla", "dall", "dai");
  private static final Set<String> AFTER = Set.of("after", "après", "apres", "nach", "после",
      "después", "despues", "dopo", "depois");
  private static final Set<String> BEFORE = Set.of("before", "until", "till", "avant", "vor", "bis",
      "до", "antes", "prima", "перед");
  private static final Set<String> IN = Set.of("in", "during", "en", "im", "в", "во", "nel", "nell",
      "em", "durante", "pendant");
  private static final Set<String> BETWEEN = Set.of("between", "entre", "zwischen", "между", "tra", "fra");
  private static final Set<String> AND = Set.of("and", "to", "et", "à", "und", "bis", "и", "по", "до",
      "y", "a", "e", "hasta", "al");
  /** Words that may sit between a preposition and its date: "antes de", "prima di", "in the". */
  private static final Set<String> FILLERS = Set.of("de", "di", "del", "the", "le", "la");
  /** Month names of three letters that are words of their own, not abbreviations. */
  private static final Set<String> SHORT_MONTHS = Set.of("may", "mai", "май", "мая", "мае");

  private static final Set<String> YESTERDAY = Set.of("yesterday", "hier", "gestern", "вчера", "ayer", "ieri", "ontem");
  private static final Set<String> TODAY = Set.of("today", "aujourd'hui", "heute", "сегодня", "hoy", "oggi", "hoje");
  private static final Set<String> LAST = Set.of("last", "past");
  private static final Set<String> THIS = Set.of("this");
  /** Fixed phrases in other languages for "last week" and "last month". */
  private static final List<List<String>> LAST_WEEK = List.of(
      List.of("la", "semaine", "dernière"), List.of("letzte", "woche"), List.of("vergangene", "woche"),
      List.of("на", "прошлой", "неделе"), List.of("la", "semana", "pasada"), List.of("la", "settimana", "scorsa"),
      List.of("semana", "passada"));
  private static final List<List<String>> LAST_MONTH = List.of(
      List.of("le", "mois", "dernier"), List.of("letzten", "monat"), List.of("letzter", "monat"),
      List.of("в", "прошлом", "месяце"), List.of("el", "mes", "pasado"), List.of("il", "mese", "scorso"));

  private static final Pattern TOKEN = Pattern.compile("\"[^\"]*\"?|[\\p{L}\\p{M}\\p{N}'’-]+");
  private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern COUNT = Pattern.compile("\\d{1,3}");

  private record Token(String word, int start, int end, boolean readable) {}

  /** A calendar period [start, end) in days, and how many tokens it took. */
  private record Period(LocalDate start, LocalDate end, int length, boolean hasYear) {}

  private DatePhrases() {}

  public static Optional<Found> find(String query, Instant now) {
    if (query == null || query.isBlank()) {
      return Optional.empty();
    }
    List<Token> tokens = tokens(query);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    for (int i = 0; i < tokens.size(); i++) {
      Match m = at(tokens, i, today, now);
      if (m != null) {
        int s = tokens.get(i).start(), e = tokens.get(i + m.length - 1).end();
        String remaining = (query.substring(0, s) + " " + query.substring(e)).strip().replaceAll("\\s+", " ")
            .replaceAll("^(AND|OR)\\s+|\\s+(AND|OR|NOT)$", ""); // no operator left dangling
        return Optional.of(new Found(query.substring(s, e), m.from, m.to, remaining));
      }
    }
    return Optional.empty();
  }

  private record Match(int length, Instant from, Instant to) {}

  private static Match at(List<Token> t, int i, LocalDate today, Instant now) {
    if (!t.get(i).readable()) {
      return null;
    }
    String w = word(t, i);
    if (YESTERDAY.contains(w)) {
      return match(1, today.minusDays(1), today);
    }
    if (TODAY.contains(w)) {
      return new Match(1, start(today), now);
    }
    for (List<String> p : LAST_WEEK) {
      if (startsWith(t, i, p)) return new Match(p.size(), now.minus(java.time.Duration.ofDays(7)), now);
    }
    for (List<String> p : LAST_MONTH) {
      if (startsWith(t, i, p)) return new Match(p.size(), now.atZone(ZoneOffset.UTC).minusMonths(1).toInstant(), now);
    }
    Match rel = relative(t, i, today, now);
    if (rel != null) {
      return rel;
    }
    Kind kind = kind(w);
    if (kind != null) {
      int j = i + 1;
      while (j < t.size() && FILLERS.contains(word(t, j)) && j - i < 3) j++;
      Period p = period(t, j, today, true);
      if (p == null) {
        return null;
      }
      int len = j - i + p.length();
      if (kind == Kind.BETWEEN || (kind == Kind.SINCE && SINCE.contains(w))) {
        int k = j + p.length();
        if (k + 1 < t.size() && AND.contains(word(t, k))) {
          Period q = period(t, k + 1, today, true);
          if (q != null) {
            if (!p.hasYear() && q.hasYear()) { // "between May and July 2024": the year is said once
              p = withYear(p, q.start().getYear());
            }
            // Both periods and what lies between, in whichever order they are said: "between 2025
            // and 2022" is 2022 to 2025, not an empty range (found by DatePhrasesFuzzTest).
            LocalDate from = p.start().isBefore(q.start()) ? p.start() : q.start();
            LocalDate to = p.end().isAfter(q.end()) ? p.end() : q.end();
            return match(k + 1 + q.length() - i, from, to);
          }
        }
        if (kind == Kind.BETWEEN) {
          return null;
        }
      }
      return switch (kind) {
        case SINCE -> new Match(len, start(p.start()), null);
        case AFTER -> new Match(len, start(p.end()), null);
        case BEFORE -> new Match(len, null, start(p.start()).minusMillis(1));
        default -> match(len, p.start(), p.end());
      };
    }
    // "May 2024 elections": a month right before a year needs no preposition.
    Period bare = period(t, i, today, false);
    return bare != null && bare.hasYear() && CalendarWords.month(w) > 0 ? match(bare.length(), bare.start(), bare.end()) : null;
  }

  /** "last week", "past 3 days", "in the last 2 months", "this year". */
  private static Match relative(List<Token> t, int i, LocalDate today, Instant now) {
    int j = i;
    if (j + 1 < t.size() && Set.of("in", "over", "during").contains(word(t, j)) && word(t, j + 1).equals("the")) {
      j += 2;
    }
    if (j >= t.size()) return null;
    boolean last = LAST.contains(word(t, j)), thisOne = THIS.contains(word(t, j));
    if (!last && !thisOne) return null;
    int n = 1, k = j + 1;
    if (last && k < t.size() && COUNT.matcher(word(t, k)).matches()) {
      n = Integer.parseInt(word(t, k));
      k++;
    }
    if (k >= t.size() || n < 1) return null;
    String said = word(t, k);
    String unit = said.replaceAll("s$", "");
    boolean counted = k > j + 1;
    if ((!counted && !said.equals(unit)) || (k + 1 < t.size() && word(t, k + 1).equals("of"))) {
      return null; // "the last days of Pompeii": a plural without a number, or "of", is not a period
    }
    LocalDate from;
    if (thisOne) {
      from = switch (unit) {
        case "week" -> today.with(java.time.DayOfWeek.MONDAY);
        case "month" -> today.withDayOfMonth(1);
        case "year" -> today.withDayOfYear(1);
        default -> null;
      };
      return from == null ? null : new Match(k + 1 - i, start(from), now);
    }
    java.time.ZonedDateTime z = now.atZone(ZoneOffset.UTC);
    Instant start = switch (unit) {
      case "hour" -> z.minusHours(n).toInstant();
      case "day" -> z.minusDays(n).toInstant();
      case "week" -> z.minusWeeks(n).toInstant();
      case "month" -> z.minusMonths(n).toInstant();
      case "year" -> z.minusYears(n).toInstant();
      default -> null;
    };
    return start == null ? null : new Match(k + 1 - i, start, now);
  }

  /**
   * A date at token {@code i}: ISO day, year, or month with or without a year. Without a
   * preposition before it ({@code afterPreposition} false) only a month followed by a year counts.
   */
  private static Period period(List<Token> t, int i, LocalDate today, boolean afterPreposition) {
    if (i >= t.size() || !t.get(i).readable()) return null;
    String w = word(t, i);
    if (afterPreposition && ISO_DATE.matcher(w).matches()) {
      try {
        LocalDate d = LocalDate.parse(w);
        return new Period(d, d.plusDays(1), 1, true);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    if (afterPreposition && YEAR.matcher(w).matches()) {
      LocalDate y = LocalDate.of(Integer.parseInt(w), 1, 1);
      return new Period(y, y.plusYears(1), 1, true);
    }
    int month = CalendarWords.month(w);
    if (month == 0) return null;
    // "March 2024", and Spanish/Portuguese "mayo de 2024"
    int y = i + 1 < t.size() && Set.of("de", "del").contains(word(t, i + 1)) ? i + 2 : i + 1;
    if (y < t.size() && t.get(y).readable() && YEAR.matcher(word(t, y)).matches()) {
      LocalDate m = LocalDate.of(Integer.parseInt(word(t, y)), month, 1);
      return new Period(m, m.plusMonths(1), y - i + 1, true);
    }
    boolean fullName = w.length() >= 4 || SHORT_MONTHS.contains(w);
    boolean namedOf = i + 1 < t.size() && Set.of("of", "de", "des", "du").contains(word(t, i + 1));
    if (!afterPreposition || !fullName || namedOf) return null;
    LocalDate m = today.withDayOfMonth(1).withMonth(month);
    if (m.isAfter(today)) m = m.minusYears(1);
    return new Period(m, m.plusMonths(1), 1, false);
  }

  private static Period withYear(Period p, int year) {
    LocalDate s = p.start().withYear(year);
    return new Period(s, s.plusMonths(1), p.length(), true);
  }

  private static Kind kind(String w) {
    if (SINCE.contains(w)) return Kind.SINCE;
    if (AFTER.contains(w)) return Kind.AFTER;
    if (BEFORE.contains(w)) return Kind.BEFORE;
    if (IN.contains(w)) return Kind.IN;
    if (BETWEEN.contains(w)) return Kind.BETWEEN;
    return null;
  }

  private static boolean startsWith(List<Token> t, int i, List<String> phrase) {
    if (i + phrase.size() > t.size()) return false;
    for (int k = 0; k < phrase.size(); k++) {
      if (!t.get(i + k).readable() || !word(t, i + k).equals(phrase.get(k))) return false;
    }
    return true;
  }

  private static Match match(int length, LocalDate from, LocalDate toExclusive) {
    return new Match(length, start(from), start(toExclusive).minusMillis(1));
  }

  private static Instant start(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static String word(List<Token> t, int i) {
    return t.get(i).word();
  }

  /** Words with their offsets; quoted parts and words after a field name are not readable. */
  private static List<Token> tokens(String q) {
    List<Token> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(q);
    while (m.find()) {
      String w = m.group();
      boolean quoted = w.startsWith("\"");
      boolean afterField = m.start() > 0 && q.charAt(m.start() - 1) == ':';
      out.add(new Token(w.toLowerCase(Locale.ROOT).replace('’', '\''), m.start(), m.end(), !quoted && !afterField));
    }
    return out;
  }
}

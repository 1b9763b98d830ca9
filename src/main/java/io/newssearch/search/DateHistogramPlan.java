package io.newssearch.search;

import io.newssearch.search.SearchResult.DateBucket;
import io.newssearch.search.SearchResult.DateHistogram;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The buckets of the date histogram, the same on every engine: publication dates in buckets of a
 * day, a month or a year, chosen so a page can draw a readable bar chart — days up to two months of
 * span, months up to five years, years beyond. Empty buckets in between are included so bars line
 * up with time. An engine finds the span of the matching dates, asks {@link #of} for the buckets,
 * counts them its own way, and hands the counts to {@link #histogram}.
 *
 * @param interval day, month or year
 * @param starts the start of each bucket, oldest first
 */
public record DateHistogramPlan(String interval, List<LocalDate> starts) {

  static final long MAX_DAY_BUCKETS = 62;
  static final long MAX_MONTH_BUCKETS = 60;

  /** The histogram of a match set without dated articles. */
  public static final DateHistogram EMPTY = new DateHistogram("month", List.of());

  /** The buckets for dates from {@code minMillis} to {@code maxMillis}. */
  public static DateHistogramPlan of(long minMillis, long maxMillis) {
    LocalDate first = day(minMillis);
    LocalDate last = day(maxMillis);
    String interval;
    if (ChronoUnit.DAYS.between(first, last) < MAX_DAY_BUCKETS) {
      interval = "day";
    } else if (ChronoUnit.MONTHS.between(YearMonth.from(first), YearMonth.from(last)) < MAX_MONTH_BUCKETS) {
      interval = "month";
    } else {
      interval = "year";
    }
    List<LocalDate> starts = new ArrayList<>();
    for (LocalDate d = floor(first, interval); !d.isAfter(last); d = next(d, interval)) {
      starts.add(d);
    }
    return new DateHistogramPlan(interval, starts);
  }

  /** The first instant after the last bucket. */
  public Instant end() {
    return next(starts.get(starts.size() - 1), interval).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The bucket a date falls in, as an index into {@link #starts}. */
  public int bucketOf(long millis) {
    LocalDate d = floor(day(millis), interval);
    return (int) switch (interval) {
      case "day" -> ChronoUnit.DAYS.between(starts.get(0), d);
      case "month" -> ChronoUnit.MONTHS.between(starts.get(0), d);
      default -> ChronoUnit.YEARS.between(starts.get(0), d);
    };
  }

  /** @param counts one count per bucket, in the order of {@link #starts} */
  public DateHistogram histogram(long[] counts) {
    List<DateBucket> buckets = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      LocalDate s = starts.get(i);
      Instant from = s.atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant to = next(s, interval).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
      buckets.add(new DateBucket(key(s, interval), from, to, counts[i]));
    }
    return new DateHistogram(interval, buckets);
  }

  private static LocalDate day(long millis) {
    return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static LocalDate floor(LocalDate d, String interval) {
    return switch (interval) {
      case "day" -> d;
      case "month" -> d.withDayOfMonth(1);
      default -> d.withDayOfYear(1);
    };
  }

  private static LocalDate next(LocalDate d, String interval) {
    return switch (interval) {
      case "day" -> d.plusDays(1);
      case "month" -> d.plusMonths(1);
      default -> d.plusYears(1);
    };
  }

  private static String key(LocalDate d, String interval) {
    return switch (interval) {
      case "day" -> d.toString();
      case "month" -> YearMonth.from(d).toString();
      default -> Integer.toString(d.getYear());
    };
  }
}

package io.newssearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The date-phrase table: each query → the filter it becomes (from, to; "-" = open end) and the
 * query left to search, or "none" when it must stay words. Now is Wednesday 2025-06-18 12:00 UTC.
 */
class DatePhrasesTest {

  static final Instant NOW = Instant.parse("2025-06-18T12:00:00Z");

  @ParameterizedTest(name = "{0} → {1} .. {2}")
  @CsvSource(delimiter = '|', nullValues = "", textBlock = """
      floods last week                  | 2025-06-11T12:00:00Z | 2025-06-18T12:00:00Z     | floods
      yesterday                         | 2025-06-17T00:00:00Z | 2025-06-17T23:59:59.999Z |
      election results yesterday        | 2025-06-17T00:00:00Z | 2025-06-17T23:59:59.999Z | election results
      storms past 3 days                | 2025-06-15T12:00:00Z | 2025-06-18T12:00:00Z     | storms
      in the last 2 weeks drought       | 2025-06-04T12:00:00Z | 2025-06-18T12:00:00Z     | drought
      this month strikes                | 2025-06-01T00:00:00Z | 2025-06-18T12:00:00Z     | strikes
      this week                         | 2025-06-16T00:00:00Z | 2025-06-18T12:00:00Z     |
      past year inflation               | 2024-06-18T12:00:00Z | 2025-06-18T12:00:00Z     | inflation
      inflation since March 2024        | 2024-03-01T00:00:00Z | -                        | inflation
      in 2023 elections                 | 2023-01-01T00:00:00Z | 2023-12-31T23:59:59.999Z | elections
      tariffs before 2025-01-01         | -                    | 2024-12-31T23:59:59.999Z | tariffs
      after 2024 ceasefire              | 2025-01-01T00:00:00Z | -                        | ceasefire
      between May and July 2024 protests| 2024-05-01T00:00:00Z | 2024-07-31T23:59:59.999Z | protests
      between 2020 and 2022             | 2020-01-01T00:00:00Z | 2022-12-31T23:59:59.999Z |
      between 2025 and 2022             | 2022-01-01T00:00:00Z | 2025-12-31T23:59:59.999Z |
      between July and May 2024         | 2024-05-01T00:00:00Z | 2024-07-31T23:59:59.999Z |
      from May to July 2024 floods      | 2024-05-01T00:00:00Z | 2024-07-31T23:59:59.999Z | floods
      May 2024 elections                | 2024-05-01T00:00:00Z | 2024-05-31T23:59:59.999Z | elections
      in March                          | 2025-03-01T00:00:00Z | 2025-03-31T23:59:59.999Z |
      in September                      | 2024-09-01T00:00:00Z | 2024-09-30T23:59:59.999Z |
      prices may fall in 2024           | 2024-01-01T00:00:00Z | 2024-12-31T23:59:59.999Z | prices may fall
      inflation depuis mars 2024        | 2024-03-01T00:00:00Z | -                        | inflation
      Wahl seit März 2024               | 2024-03-01T00:00:00Z | -                        | Wahl
      выборы с марта 2024               | 2024-03-01T00:00:00Z | -                        | выборы
      учения в марте                    | 2025-03-01T00:00:00Z | 2025-03-31T23:59:59.999Z | учения
      elecciones desde mayo de 2024     | 2024-05-01T00:00:00Z | -                        | elecciones
      Hochwasser gestern                | 2025-06-17T00:00:00Z | 2025-06-17T23:59:59.999Z | Hochwasser
      grève la semaine dernière         | 2025-06-11T12:00:00Z | 2025-06-18T12:00:00Z     | grève
      entre mai et juillet 2024         | 2024-05-01T00:00:00Z | 2024-07-31T23:59:59.999Z |
      avant 2020 réforme                | -                    | 2019-12-31T23:59:59.999Z | réforme
      """)
  void phrase_becomes_a_filter(String query, String from, String to, String rest) {
    DatePhrases.Found f = DatePhrases.find(query, NOW).orElseThrow(() -> new AssertionError("no date in: " + query));
    assertEquals(from.equals("-") ? null : Instant.parse(from), f.from(), "from of " + query);
    assertEquals(to.equals("-") ? null : Instant.parse(to), f.to(), "to of " + query);
    assertEquals(rest == null ? "" : rest, f.query());
  }

  @ParameterizedTest(name = "{0} → no filter")
  @CsvSource(delimiter = '|', textBlock = """
      March of the Penguins
      in March of the Penguins
      prices may fall
      Theresa May resigns
      May Day parade
      2024 election
      the last days of Pompeii
      last night of the proms
      march on Washington
      since the war began
      out of office
      3 days ago
      "since March 2024"
      title:may
      before the storm
      Marsch der Pinguine
      май
      """)
  void words_that_only_look_like_dates_stay_words(String query) {
    Optional<DatePhrases.Found> f = DatePhrases.find(query, NOW);
    assertTrue(f.isEmpty(), query + " → " + f);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Theresa May in 2019       | Theresa May
      naval drill AND since 2024 | naval drill
      """)
  void the_rest_of_the_query_is_kept_as_typed(String query, String rest) {
    assertEquals(rest, DatePhrases.find(query, NOW).orElseThrow().query());
  }
}

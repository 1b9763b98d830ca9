package io.newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      2025-07-25                       | 2025-07-25T00:00:00Z
      2025-07-25T08:30:00Z             | 2025-07-25T08:30:00Z
      2025-07-25T08:30:00+02:00        | 2025-07-25T06:30:00Z
      2025-07-25T08:30:00.123-0500     | 2025-07-25T13:30:00.123Z
      2025-07-25 08:30                 | 2025-07-25T08:30:00Z
      2025-07-25T08:30                 | 2025-07-25T08:30:00Z
      Fri, 25 Jul 2025 08:30:00 GMT    | 2025-07-25T08:30:00Z
      Fri, 25 Jul 2025 08:30:00 +0200  | 2025-07-25T06:30:00Z
      July 25, 2025                    | 2025-07-25T00:00:00Z
      'Friday, July 25, 2025'          | 2025-07-25T00:00:00Z
      25 July 2025                     | 2025-07-25T00:00:00Z
      Jul 25, 2025                     | 2025-07-25T00:00:00Z
      Jul. 25 2025                     | 2025-07-25T00:00:00Z
      July 25th, 2025                  | 2025-07-25T00:00:00Z
      'July 25, 2025 3:15 pm'          | 2025-07-25T15:15:00Z
      'July 25, 2025 12:05 a.m.'       | 2025-07-25T00:05:00Z
      'July 25, 2025 12:05 PM'         | 2025-07-25T12:05:00Z
      25/07/2025                       | 2025-07-25T00:00:00Z
      05/07/2025                       | 2025-07-05T00:00:00Z
      07/25/2025                       | 2025-07-25T00:00:00Z
      25.07.2025                       | 2025-07-25T00:00:00Z
      2025/07/25                       | 2025-07-25T00:00:00Z
      25 juillet 2025                  | 2025-07-25T00:00:00Z
      1er août 2025                    | 2025-08-01T00:00:00Z
      vendredi 25 juillet 2025         | 2025-07-25T00:00:00Z
      25. Juli 2025                    | 2025-07-25T00:00:00Z
      'Freitag, 25. Juli 2025'         | 2025-07-25T00:00:00Z
      3. März 2025                     | 2025-03-03T00:00:00Z
      25 de julio de 2025              | 2025-07-25T00:00:00Z
      25 luglio 2025                   | 2025-07-25T00:00:00Z
      25 de julho de 2025              | 2025-07-25T00:00:00Z
      25 июля 2025                     | 2025-07-25T00:00:00Z
      25 июля 2025 г.                  | 2025-07-25T00:00:00Z
      1 сентября 2025 года             | 2025-09-01T00:00:00Z
      25 يوليو 2025                    | 2025-07-25T00:00:00Z
      ٢٥ تموز ٢٠٢٥                     | 2025-07-25T00:00:00Z
      ١٢ تشرين الأول ٢٠٢٥              | 2025-10-12T00:00:00Z
      ۲۵ ژوئیه ۲۰۲۵                    | 2025-07-25T00:00:00Z
      ۳ ژوئن ۲۰۲۵                      | 2025-06-03T00:00:00Z
      ۲۰۲۵-۰۷-۲۵                       | 2025-07-25T00:00:00Z
      2025-07-25T10:00:00+02:00[Europe/Paris] | 2025-07-25T08:00:00Z
      """)
  void reads_dates_in_many_forms_as_utc_instants(String text, String expected) {
    assertEquals(Optional.of(Instant.parse(expected)), DateParser.parse(text));
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @NullAndEmptySource
  @ValueSource(strings = {
    "sometime soon", "More", "Share This Post", "2025", "July 2025", "31 February 2025",
    "2025-13-01", "25/07/25", "Iran and Russia hold drill in July 2025",
    "Friday, July 25, 2025 and then some words", "2025-07-25T25:00:00Z", "   "
  })
  void bad_or_partial_input_gives_empty_and_never_throws(String text) {
    assertEquals(Optional.empty(), DateParser.parse(text));
  }

  /** A page's date line, its label taken off; a written date's time with a dot, its zone by abbreviation. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      'Updated: 12 March 2024, 08:15 GMT'     | 2024-03-12T08:15:00Z
      Published 12 March 2024                 | 2024-03-12T00:00:00Z
      'Last updated on March 12, 2024'        | 2024-03-12T00:00:00Z
      'March 12, 2024 at 8:15 a.m. EST'       | 2024-03-12T13:15:00Z
      'Tue 12 Mar 2024 08.15 GMT'             | 2024-03-12T08:15:00Z
      'Publié le 12 mars 2024 à 10:30 CET'    | 2024-03-12T09:30:00Z
      'Veröffentlicht am 12. März 2024'       | 2024-03-12T00:00:00Z
      """)
  void a_date_line_is_read_past_its_label(String line, String expected) {
    assertEquals(Optional.of(Instant.parse(expected)), DateParser.parseLine(line));
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(strings = {"Updated", "Published: soon", "Updated: the storm passed on 12 March 2024",
      "Le 5 janvier 2023 à 10:00 et après", "Posted by Jane Smith"})
  void a_label_before_other_words_is_no_date_line(String line) {
    assertEquals(Optional.empty(), DateParser.parseLine(line));
  }

  /** A field's value may be epoch time or a basic ISO date written as digits; running text may not. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      1753439400                       | 2025-07-25T10:30:00Z
      1753439400000                    | 2025-07-25T10:30:00Z
      20250725                         | 2025-07-25T00:00:00Z
      ' 2025-07-25 '                   | 2025-07-25T00:00:00Z
      """)
  void a_fields_digits_are_epoch_time_or_a_basic_date(String text, String expected) {
    assertEquals(Optional.of(Instant.parse(expected)), DateParser.parseField(text));
    assertEquals(text.strip().startsWith("2025-"), DateParser.parse(text).isPresent(), "in running text: " + text);
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @NullAndEmptySource
  @ValueSource(strings = {"20251399", "12345", "17534394000", "2025", "sometime soon"})
  void digits_that_are_no_date_give_empty_in_a_field_too(String text) {
    assertEquals(Optional.empty(), DateParser.parseField(text));
  }
}

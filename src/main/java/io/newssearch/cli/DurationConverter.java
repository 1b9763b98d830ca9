package io.newssearch.cli;

import io.newssearch.search.Durations;
import io.newssearch.search.InvalidRequestException;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A duration option, read by the one grammar of {@link Durations} (2s, 500ms, 1m, PT2S). */
final class DurationConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    try {
      return Durations.parse("duration", value);
    } catch (InvalidRequestException e) {
      throw new TypeConversionException("'" + value + "' is not a duration: write a number and a unit "
          + "(500ms, 2s, 1m, 12h, 7d) or ISO 8601 (PT2S)");
    }
  }
}

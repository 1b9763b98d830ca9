package io.newssearch.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Where a JSON text went wrong, for the readers of articles and of search bodies. */
public final class JsonErrors {

  private JsonErrors() {}

  /**
   * Jackson's location of the error, or where the parser stood: an error of one of its limits
   * (nesting deeper than 1,000, a number of more than 1,000 digits) carries no location of its own.
   */
  public static JsonLocation where(JsonProcessingException e, JsonParser p) {
    if (e.getLocation() != null) {
      return e.getLocation();
    }
    return p == null ? JsonLocation.NA : p.currentLocation();
  }
}

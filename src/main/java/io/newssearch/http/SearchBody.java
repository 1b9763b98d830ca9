package io.newssearch.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.newssearch.ingest.JsonErrors;
import io.newssearch.search.InvalidRequestException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON body of {@code POST /api/search} as the parameters a query string would carry, so that
 * {@link io.newssearch.search.SearchParameters} reads both and the same values give the same answer
 * and the same errors: {@code {"q": "drill", "lang": ["en", "ru"], "size": 5, "strict": true}} is
 * {@code ?q=drill&lang=en&lang=ru&size=5&strict=true}. A value is a string, a number or a boolean
 * (read as its text), or an array of those for a repeatable parameter; {@code null} is absent. A
 * name given twice counts as given twice, as in a query string.
 */
final class SearchBody {

  private static final JsonFactory JSON = new JsonFactory();

  private SearchBody() {}

  static Map<String, List<String>> parameters(String body) {
    if (body.isBlank()) {
      return Map.of(); // as GET /api/search with no parameters: every article
    }
    Map<String, List<String>> params = new LinkedHashMap<>();
    JsonParser parser = null;
    try (JsonParser p = JSON.createParser(body)) {
      parser = p;
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new HttpError(400, "invalid_json", "the body must be a JSON object of search parameters, such as "
            + "{\"q\": \"naval drill\", \"lang\": [\"en\"]}");
      }
      for (JsonToken t; (t = p.nextToken()) == JsonToken.FIELD_NAME; ) {
        String name = p.currentName();
        List<String> values = params.computeIfAbsent(name, n -> new ArrayList<>());
        JsonToken v = p.nextToken();
        if (v == JsonToken.START_ARRAY) {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            values.add(scalar(p, name, "an array may hold only strings, numbers and booleans"));
          }
        } else if (v != JsonToken.VALUE_NULL) {
          values.add(scalar(p, name, "expected a string, a number, a boolean or an array of them"));
        }
        if (values.isEmpty()) {
          params.remove(name);
        }
      }
      if (p.nextToken() != null) {
        throw new HttpError(400, "invalid_json", "the body has more after the closing } of the search object (line "
            + p.currentLocation().getLineNr() + ")");
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = JsonErrors.where(e, parser);
      throw new HttpError(400, "invalid_json", "the body is not valid JSON: " + e.getOriginalMessage()
          + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // reading a String does not fail
    }
    return params;
  }

  private static String scalar(JsonParser p, String name, String problem) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING || t.isNumeric() || t.isBoolean()) {
      return p.getText();
    }
    throw InvalidRequestException.parameter(name, problem + ", not " + describe(t));
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_NULL -> "null";
      default -> t.asString() == null ? t.name() : t.asString();
    };
  }
}

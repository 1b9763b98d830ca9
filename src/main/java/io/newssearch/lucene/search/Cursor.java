package io.newssearch.lucene.search;

import io.newssearch.search.InvalidRequestException;
import io.newssearch.search.SortOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * The opaque {@code next_cursor}: the sort values of the last hit of a page, which Lucene's
 * search-after continues from. Every sort ends with the article id, so the position stays exact
 * while the index changes and however deep the paging goes.
 */
final class Cursor {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Cursor() {}

  static String encode(SortOrder sort, FieldDoc last) {
    ObjectNode node = JSON.createObjectNode();
    node.put("sort", sort.label());
    ArrayNode values = node.putArray("after");
    for (Object v : last.fields) {
      switch (v) {
        case Float f -> values.add(f);
        case Long l -> values.add(l);
        case BytesRef b -> values.add(b.utf8ToString());
        case null -> values.addNull();
        default -> throw new IllegalStateException("unexpected sort value " + v.getClass());
      }
    }
    byte[] bytes = node.toString().getBytes(StandardCharsets.UTF_8);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The search-after position; the sort types must match what {@link SearchSorts} builds. */
  static FieldDoc decode(String cursor, SortOrder sort, int maxDoc) {
    JsonNode node;
    try {
      node = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
    } catch (Exception e) {
      throw bad("not a cursor this service issued");
    }
    if (node == null || !node.path("sort").isTextual() || !node.path("after").isArray()) {
      throw bad("not a cursor this service issued");
    }
    if (!sort.label().equals(node.get("sort").asText())) {
      throw bad("cursor was issued for sort=" + node.get("sort").asText() + ", not sort=" + sort.label());
    }
    JsonNode after = node.get("after");
    Object[] fields = new Object[after.size()];
    if (fields.length != 2) {
      throw bad("not a cursor this service issued");
    }
    JsonNode first = after.get(0);
    if (sort == SortOrder.DATE) {
      if (!first.isIntegralNumber()) throw bad("not a cursor this service issued");
      fields[0] = first.asLong();
    } else {
      if (!first.isNumber()) throw bad("not a cursor this service issued");
      fields[0] = (float) first.asDouble();
    }
    if (!after.get(1).isTextual()) {
      throw bad("not a cursor this service issued");
    }
    fields[1] = new BytesRef(after.get(1).asText());
    // Sorts end with the unique id, so only the cursor's own hit ties on every value; a doc number
    // at the end of the index makes search-after skip that hit.
    return new FieldDoc(Math.max(0, maxDoc - 1), Float.NaN, fields);
  }

  private static InvalidRequestException bad(String why) {
    return new InvalidRequestException("bad_cursor", "parameter 'cursor': " + why);
  }
}

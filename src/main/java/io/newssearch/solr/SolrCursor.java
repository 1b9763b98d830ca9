package io.newssearch.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newssearch.search.InvalidRequestException;
import io.newssearch.search.SortOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code next_cursor} on SolrCloud: Solr's own {@code cursorMark} (the sort values of
 * the last hit, exact at any depth), the sort it was made for, and how many hits came before the
 * next page, so the last page can say there is no next one.
 */
record SolrCursor(SortOrder sort, String mark, long seen) {

  private static final ObjectMapper JSON = new ObjectMapper();

  String encode() {
    var node = JSON.createObjectNode().put("sort", sort.label()).put("mark", mark).put("seen", seen);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
  }

  static SolrCursor decode(String cursor, SortOrder sort) {
    JsonNode node;
    try {
      node = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
    } catch (Exception e) {
      throw bad("not a cursor this service issued");
    }
    if (node == null || !node.path("sort").isTextual() || !node.path("mark").isTextual() || !node.path("seen").canConvertToLong()) {
      throw bad("not a cursor this service issued");
    }
    if (!sort.label().equals(node.get("sort").asText())) {
      throw bad("cursor was issued for sort=" + node.get("sort").asText() + ", not sort=" + sort.label());
    }
    return new SolrCursor(sort, node.get("mark").asText(), node.get("seen").asLong());
  }

  private static InvalidRequestException bad(String why) {
    return new InvalidRequestException("bad_cursor", "parameter 'cursor': " + why);
  }
}

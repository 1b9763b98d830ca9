package io.newssearch.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.newssearch.search.SearchResult.Hit;
import java.util.List;

/**
 * Articles like one article, most alike first, in the same shape as search hits; the article
 * itself and exact copies of it (same title and body) are never among them.
 */
public record RelatedResult(String id, @JsonProperty("took_ms") long tookMs, List<Hit> hits) {}

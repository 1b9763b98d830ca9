package io.newssearch.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the live index holds and what it costs, for {@code GET /api/stats} and monitoring.
 *
 * @param articles live (not deleted) articles
 * @param byLanguage article count per language code, largest first
 * @param bySource article count per source, largest first; articles without a source are not counted
 * @param oldest earliest publication time, or null when no article is dated
 * @param newest latest publication time, or null when no article is dated
 * @param sizeOnDiskBytes bytes of the live generation's files
 * @param segments Lucene segments in the live view
 * @param lastCommit when the live commit was written (its segments file's modification time)
 */
public record IndexStats(
    long articles,
    @JsonProperty("by_language") Map<String, Long> byLanguage,
    @JsonProperty("by_source") Map<String, Long> bySource,
    Instant oldest,
    Instant newest,
    @JsonProperty("size_on_disk_bytes") long sizeOnDiskBytes,
    int segments,
    @JsonProperty("last_commit") Instant lastCommit) {

  public IndexStats {
    // Copied in order (largest first); Map.copyOf would lose it.
    byLanguage = Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage));
    bySource = Collections.unmodifiableMap(new LinkedHashMap<>(bySource));
  }
}

package io.newssearch.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One article that matched one alert, as recorded: enough of the article to list it, notify about
 * it and put it in a feed without asking the index again.
 *
 * @param seq the order matches were recorded in, over every alert (cursors and live streams use it)
 */
public record AlertMatch(
    long seq,
    @JsonProperty("alert") String alertId,
    @JsonProperty("id") String articleId,
    String title,
    String url,
    String source,
    String language,
    Instant published,
    @JsonProperty("matched_at") Instant matchedAt) {

  /** The same match as recorded under {@code seq}. */
  AlertMatch withSeq(long seq) {
    return new AlertMatch(seq, alertId, articleId, title, url, source, language, published, matchedAt);
  }
}

package io.newssearch.search;

import java.time.Instant;
import java.util.List;

/** Every version of one story ({@code GET /api/stories/{id}}), oldest first: who published it first. */
public record StoryResult(String story, int count, List<Version> versions) {

  /** A story is a handful of versions; more than this is a clustering problem, not a story. */
  public static final int MAX_VERSIONS = 1_000;

  public record Version(String id, String title, String source, String url, Instant published, String language) {}
}

package io.newssearch.story;

import java.io.IOException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The index's side of story clustering, which each engine implements over its own index: which
 * indexed stories a new article belongs to, found among the indexed articles that share an LSH
 * band key with it ({@link Bands}) and checked with {@link StoryClusters#sameStory}.
 */
@FunctionalInterface
public interface StoryCandidates {

  /** Candidates checked per new article; band keys are specific, so more means a degenerate body. */
  int MAX_CANDIDATES = 500;

  /** None: a rebuild starts from an empty index. */
  StoryCandidates NONE = (id, signature, publishedMillis, stale) -> Set.of();

  /**
   * The story ids of indexed articles that are the same story as this one.
   *
   * @param id the article's id: an indexed version of it is not a candidate
   * @param stale ids whose indexed version this run has replaced or deleted: not candidates either
   */
  Set<String> linkedStories(String id, Signature signature, Long publishedMillis, Predicate<String> stale)
      throws IOException;
}

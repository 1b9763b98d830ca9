package io.newssearch.story;

import java.io.IOException;
import java.util.List;

/**
 * The index's side of story clustering, which each engine implements over its own index: the
 * indexed articles that share an LSH band key with a new one (the article itself may be among them).
 */
@FunctionalInterface
public interface StoryCandidates {

  /** Candidates read per new article; band keys are specific, so more means a degenerate body. */
  int MAX_CANDIDATES = 500;

  /** None: a rebuild starts from an empty index. */
  StoryCandidates NONE = keys -> List.of();

  /** An indexed article that shares a band key with the one being added. */
  record Candidate(String id, String story, Signature signature, Long publishedMillis) {}

  List<Candidate> candidates(List<String> bandKeys) throws IOException;
}

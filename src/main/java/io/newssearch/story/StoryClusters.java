package io.newssearch.story;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Assigns story ids during one write run (a rebuild, a corpus update or one API write).
 *
 * <p>The rule: two articles whose estimated body similarity ({@link Signature#similarity}) reaches
 * {@link #THRESHOLD} and that were published at most {@link #MAX_GAP} apart (or either undated) are
 * the same story, and a story is a connected group under that relation; its
 * id is the smallest article id in it. Connected groups do not depend on the order the edges are
 * found in, and neither does the smallest id, so a rebuild gives the same stories whatever the order
 * of the corpus, and writing articles one by one gives the stories a rebuild would give.
 *
 * <p>How: each new article is compared with the candidates that share an LSH band key
 * ({@link Bands}) — articles of this run, kept in memory, and indexed articles, which the index
 * looks up by band term ({@link StoryCandidates}). Indexed stories are already connected groups, so each
 * counts as one node labelled by its id. {@link #add} returns the id to write now (the smallest
 * label connected so far); {@link #finish} says which articles of the run and which indexed stories
 * must be renamed because a later article joined groups with a smaller id.
 *
 * <p>Not guaranteed: deleting or rewriting an article does not split the story it bridged, and a
 * story keeps its id when the article with that id leaves it; a rebuild recomputes both.
 */
public final class StoryClusters {

  /** Estimated Jaccard similarity of 3-word shingles from which two bodies are one story. */
  public static final double THRESHOLD = 0.5;
  /**
   * Versions of one story appear within days of each other; recurring reports in a fixed template
   * ("Fed adds reserves via customer repurchases", weekly Treasury balances) are weeks apart.
   */
  public static final java.time.Duration MAX_GAP = java.time.Duration.ofDays(7);

  /** What {@link #finish} asks the index to rewrite. */
  public record Renames(Map<String, String> articles, Map<String, String> stories) {}

  private final StoryCandidates indexed;
  private final Map<String, Signature> runSignatures = new HashMap<>();
  private final Map<String, Long> runPublished = new HashMap<>();
  private final Map<String, List<String>> runBands = new HashMap<>();
  private final Map<String, String> written = new HashMap<>();
  /** Union-find over nodes "a:id" (an article of this run) and "s:story" (an indexed story). */
  private final Map<String, String> parent = new HashMap<>();
  private final Map<String, String> smallest = new HashMap<>();

  public StoryClusters(StoryCandidates indexed) {
    this.indexed = indexed;
  }

  /**
   * The story id to write for this article now; null signature (too little text): its own id.
   *
   * @param publishedMillis publication time, or null when undated
   */
  public synchronized String add(String id, Signature sig, Long publishedMillis) throws IOException {
    String node = "a:" + id;
    node(node, id);
    if (sig == null) {
      written.put(id, id);
      return id;
    }
    List<String> keys = Bands.keys(sig);
    for (String key : keys) {
      for (String other : runBands.getOrDefault(key, List.of())) {
        Signature o = runSignatures.get(other);
        if (!other.equals(id) && o != null && close(publishedMillis, runPublished.get(other))
            && sig.similarity(o) >= THRESHOLD) {
          union(node, "a:" + other);
        }
      }
    }
    for (StoryCandidates.Candidate c : indexed.candidates(keys)) {
      if (!c.id().equals(id) && !runSignatures.containsKey(c.id()) && close(publishedMillis, c.publishedMillis())
          && sig.similarity(c.signature()) >= THRESHOLD) {
        node("s:" + c.story(), c.story());
        union(node, "s:" + c.story());
      }
    }
    runSignatures.put(id, sig);
    runPublished.put(id, publishedMillis);
    for (String key : keys) {
      runBands.computeIfAbsent(key, k -> new ArrayList<>(1)).add(id);
    }
    String story = smallest.get(find(node));
    written.put(id, story);
    return story;
  }

  /** A deleted article is no longer a candidate for later ones in this run. */
  public synchronized void remove(String id) {
    runSignatures.remove(id);
    written.remove(id);
  }

  /** Articles of this run written with an id that is no longer their story's, and indexed stories to rename. */
  public synchronized Renames finish() {
    Map<String, String> articles = new TreeMap<>();
    for (var e : written.entrySet()) {
      String story = smallest.get(find("a:" + e.getKey()));
      if (!story.equals(e.getValue())) {
        articles.put(e.getKey(), story);
      }
    }
    Map<String, String> stories = new TreeMap<>();
    for (String node : parent.keySet()) {
      if (node.startsWith("s:")) {
        String story = smallest.get(find(node));
        if (!story.equals(node.substring(2))) {
          stories.put(node.substring(2), story);
        }
      }
    }
    return new Renames(articles, stories);
  }

  private static boolean close(Long a, Long b) {
    return a == null || b == null || Math.abs(a - b) <= MAX_GAP.toMillis();
  }

  private void node(String node, String label) {
    if (parent.putIfAbsent(node, node) == null) {
      smallest.put(node, label);
    }
  }

  private String find(String node) {
    String root = node;
    while (!parent.get(root).equals(root)) root = parent.get(root);
    while (!parent.get(node).equals(root)) {
      String next = parent.get(node);
      parent.put(node, root);
      node = next;
    }
    return root;
  }

  private void union(String a, String b) {
    String ra = find(a), rb = find(b);
    if (ra.equals(rb)) return;
    parent.put(rb, ra);
    String la = smallest.get(ra), lb = smallest.get(rb);
    smallest.put(ra, la.compareTo(lb) <= 0 ? la : lb);
  }
}

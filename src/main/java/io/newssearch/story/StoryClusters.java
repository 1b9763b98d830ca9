package io.newssearch.story;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Assigns story ids to the articles of a write run (a rebuild, a corpus update, API writes).
 *
 * <p>The rule: two articles whose estimated body similarity ({@link Signature#similarity}) reaches
 * {@link #THRESHOLD} and that were published at most {@link #MAX_GAP} apart (or either undated) are
 * the same story ({@link #sameStory}), and a story is a connected group under that relation; its
 * id is the smallest article id in it. Connected groups do not depend on the order the edges are
 * found in, and neither does the smallest id, so a rebuild gives the same stories whatever the order
 * of the corpus, and writing articles one by one gives the stories a rebuild would give.
 *
 * <p>How: each new article is compared with the candidates that share an LSH band key
 * ({@link Bands}) — the articles held here, and indexed articles, which the index looks up by band
 * term. Indexed stories are already connected groups, so each counts as one node labelled by its
 * id. {@link #add} returns the id to write now (the smallest label connected so far);
 * {@link #finish} says which articles held here and which indexed stories must be renamed because a
 * later article joined groups with a smaller id.
 *
 * <p>What is held is a window, not the run: once the engine has applied {@link #finish}'s renames
 * and its index shows the held articles to later lookups, {@link #clear} forgets them, and later
 * articles find them through the index as indexed stories. Memory is then bounded by the window
 * ({@link #articles}, {@link #nodes}), whatever the size of the run. An engine that cannot look its
 * own run up may keep the whole run here instead.
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
  public static final Duration MAX_GAP = Duration.ofDays(7);

  /** What {@link #finish} asks the index to rewrite: article id → story, and old story id → new. */
  public record Renames(Map<String, String> articles, Map<String, String> stories) {
    public boolean isEmpty() {
      return articles.isEmpty() && stories.isEmpty();
    }
  }

  private static final long UNDATED = Long.MIN_VALUE;

  private final StoryCandidates indexed;
  private final BandTable bands = new BandTable();
  /** The newest node of each article held, by id; a rewritten article's older node stays a bridge. */
  private final Map<String, Integer> articleNodes = new HashMap<>();
  /** The node of each indexed story met, by story id. */
  private final Map<String, Integer> storyNodes = new HashMap<>();

  // Union-find over nodes 0..size-1: articles held here and indexed stories.
  private int size;
  private int articles;
  private int[] parent = new int[64];
  /** At a root: the smallest label of its group. */
  private String[] smallest = new String[64];
  /** Of an article node: its signature while it is a candidate (null once rewritten or deleted). */
  private Signature[] signatures = new Signature[64];
  private long[] published = new long[64];
  /** Of an article node: the story id {@link #add} returned for it. */
  private String[] written = new String[64];

  /** Candidates only from the articles held here and those {@code add} is told about. */
  public StoryClusters() {
    this(StoryCandidates.NONE);
  }

  /** @param indexed looked up by {@link #add(String, Signature, Long)} for each article */
  public StoryClusters(StoryCandidates indexed) {
    this.indexed = indexed;
  }

  /** Whether two articles are the same story: similar enough and published close enough. */
  public static boolean sameStory(Signature a, Long publishedA, Signature b, Long publishedB) {
    return closeInTime(publishedA, publishedB) && a.similarity(b) >= THRESHOLD;
  }

  /** The cheap half of {@link #sameStory}: at most {@link #MAX_GAP} apart, or either undated. */
  public static boolean closeInTime(Long publishedA, Long publishedB) {
    return publishedA == null || publishedB == null || Math.abs(publishedA - publishedB) <= MAX_GAP.toMillis();
  }

  /**
   * The story id to write for this article now, looking indexed candidates up through the
   * {@link StoryCandidates} given at construction; null signature (too little text): its own id.
   *
   * @param publishedMillis publication time, or null when undated
   */
  public synchronized String add(String id, Signature sig, Long publishedMillis) throws IOException {
    Set<String> linked = sig == null ? Set.of() : indexed.linkedStories(id, sig, publishedMillis, articleNodes::containsKey);
    return add(id, sig, publishedMillis, linked);
  }

  /**
   * The story id to write for this article now, given the indexed stories it was found to be the
   * same story as ({@link #sameStory} against indexed candidates, done by the caller).
   */
  public synchronized String add(String id, Signature sig, Long publishedMillis, Collection<String> linkedStories) {
    int node = node(id);
    articles++;
    Integer older = articleNodes.put(id, node);
    if (older != null) {
      signatures[older] = null; // its node keeps the groups it joined, but the new text decides from here
    }
    if (sig != null) {
      long[] hashes = Bands.hashes(sig);
      long when = publishedMillis == null ? UNDATED : publishedMillis;
      for (int b = 0; b < hashes.length; b++) {
        bands.forEach(b, hashes[b], other -> {
          if (signatures[other] != null && find(other) != find(node)
              && sameStory(sig, publishedMillis, signatures[other], dated(published[other]))) {
            union(node, other);
          }
        });
      }
      for (String story : linkedStories) {
        union(node, storyNode(story));
      }
      for (int b = 0; b < hashes.length; b++) {
        bands.add(b, hashes[b], node);
      }
      signatures[node] = sig;
      published[node] = when;
    }
    String story = smallest[find(node)];
    written[node] = story;
    return story;
  }

  /** A deleted article is no longer a candidate for later ones, nor renamed. */
  public synchronized void remove(String id) {
    Integer node = articleNodes.remove(id);
    if (node != null) {
      signatures[node] = null;
    }
  }

  /** Articles held here written with an id that is no longer their story's, and indexed stories to rename. */
  public synchronized Renames finish() {
    Map<String, String> renamedArticles = new TreeMap<>();
    for (var e : articleNodes.entrySet()) {
      String story = smallest[find(e.getValue())];
      if (!story.equals(written[e.getValue()])) {
        renamedArticles.put(e.getKey(), story);
      }
    }
    Map<String, String> renamedStories = new TreeMap<>();
    for (var e : storyNodes.entrySet()) {
      String story = smallest[find(e.getValue())];
      if (!story.equals(e.getKey())) {
        renamedStories.put(e.getKey(), story);
      }
    }
    return new Renames(renamedArticles, renamedStories);
  }

  /** Forgets everything held: call once the renames are applied and the index shows every article. */
  public synchronized void clear() {
    bands.clear();
    articleNodes.clear();
    storyNodes.clear();
    Arrays.fill(smallest, 0, size, null);
    Arrays.fill(signatures, 0, size, null);
    Arrays.fill(written, 0, size, null);
    size = 0;
    articles = 0;
  }

  /** Articles added since the last {@link #clear}, rewritten versions counted each time. */
  public synchronized int articles() {
    return articles;
  }

  /** Union-find nodes held: articles and the indexed stories they joined. */
  public synchronized int nodes() {
    return size;
  }

  private static Long dated(long when) {
    return when == UNDATED ? null : when;
  }

  private int storyNode(String story) {
    Integer node = storyNodes.get(story);
    if (node == null) {
      node = node(story);
      storyNodes.put(story, node);
    }
    return node;
  }

  private int node(String label) {
    if (size == parent.length) {
      int capacity = size * 2;
      parent = Arrays.copyOf(parent, capacity);
      smallest = Arrays.copyOf(smallest, capacity);
      signatures = Arrays.copyOf(signatures, capacity);
      published = Arrays.copyOf(published, capacity);
      written = Arrays.copyOf(written, capacity);
    }
    int node = size++;
    parent[node] = node;
    smallest[node] = label;
    return node;
  }

  private int find(int node) {
    int root = node;
    while (parent[root] != root) root = parent[root];
    while (parent[node] != root) {
      int next = parent[node];
      parent[node] = root;
      node = next;
    }
    return root;
  }

  private void union(int a, int b) {
    int ra = find(a), rb = find(b);
    if (ra == rb) return;
    parent[rb] = ra;
    if (smallest[rb].compareTo(smallest[ra]) < 0) {
      smallest[ra] = smallest[rb];
    }
  }
}

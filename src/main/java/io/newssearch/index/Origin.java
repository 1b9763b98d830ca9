package io.newssearch.index;

/** How an article reached the index; see {@link Schema#ORIGIN}. */
public enum Origin {
  /** Read from corpus files by an indexing run: a rebuild reads it again. */
  CORPUS,
  /** Written over the API: only the index holds it, so a rebuild must carry it over. */
  API;

  public String term() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

package io.newssearch.search;

/**
 * The text of a search after {@link QueryChecker} has checked it once, for every engine: within
 * the limits, valid syntax over known fields. Each engine turns it into its own query (the embedded
 * index parses it per language analyzer; Solr hands it to edismax).
 *
 * @param text what to search: the query as typed (a trailing '?' dropped when lenient), or, when
 *     lenient parsing had to fall back to plain words, those words with every syntax character
 *     escaped; blank means every article
 * @param matchAll true: every word must match (AND); false: any word (OR)
 * @param plainWords true when the typed syntax was malformed and is searched as plain words
 * @param exclusionsOnly true when the query only excludes ({@code -oil}, {@code * -oil}): every
 *     article but some, all scored alike
 */
public record CheckedQuery(String text, boolean matchAll, boolean plainWords, boolean exclusionsOnly) {

  /** Every article. */
  public static final CheckedQuery ALL = new CheckedQuery("", false, false);

  public CheckedQuery(String text, boolean matchAll, boolean plainWords) {
    this(text, matchAll, plainWords, false);
  }

  public boolean matchesAll() {
    return text.isBlank();
  }
}

package io.newssearch.lucene.search;

import io.newssearch.lucene.IndexView;
import java.io.IOException;

/**
 * What an index view builds once for every search on it — the counts of browsing everything —
 * built before a search's time budget starts. At a million articles this takes a second or more
 * on a view's first such search (after startup, or after a write made a new view), and a search
 * that spent its budget waiting for it would answer with nothing. (Stories need nothing per view:
 * {@link StoryKeys} are per segment; nor do the facets of a search that counts few articles:
 * {@link ValueIds} number the values they meet as they meet them.)
 *
 * @param whole the counts of browsing everything, when the search does; else null
 */
record PreparedView(WholeIndex whole) {

  static PreparedView of(IndexView view, boolean browsesEverything) throws IOException {
    if (view.reader().maxDoc() == 0) {
      return new PreparedView(null);
    }
    return new PreparedView(browsesEverything ? WholeIndex.of(view) : null);
  }
}

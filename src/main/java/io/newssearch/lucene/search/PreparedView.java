package io.newssearch.lucene.search;

import io.newssearch.lucene.IndexView;
import io.newssearch.lucene.Schema;
import java.io.IOException;
import java.util.List;

/**
 * What an index view builds once for every search on it — the ordinals of each facet field, the
 * counts of browsing everything — built before a search's time budget starts. At a million
 * articles this takes a second or more on a view's first search (after startup, or after a write
 * made a new view), and a search that spent its budget waiting for it would answer with nothing.
 * (Stories need nothing per view: {@link StoryKeys} are per segment.)
 *
 * @param whole the counts of browsing everything, when the search does; else null
 */
record PreparedView(WholeIndex whole) {

  /** The keyword fields facets are counted on. */
  private static final List<String> FACET_FIELDS = List.of(Schema.LANGUAGE, Schema.TAGS_KEYWORD,
      Schema.SOURCE_KEYWORD, Schema.PERSON, Schema.ORG, Schema.PLACE);

  static PreparedView of(IndexView view, boolean browsesEverything) throws IOException {
    if (view.reader().maxDoc() == 0) {
      return new PreparedView(null);
    }
    for (String field : FACET_FIELDS) {
      view.facetState(field);
    }
    return new PreparedView(browsesEverything ? WholeIndex.of(view) : null);
  }
}

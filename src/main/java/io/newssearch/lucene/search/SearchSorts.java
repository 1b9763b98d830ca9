package io.newssearch.lucene.search;

import io.newssearch.search.SortOrder;
import io.newssearch.lucene.Schema;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSelector;

/** The Lucene sort for each {@link SortOrder}; each ends with the id so cursors are exact. */
final class SearchSorts {

  private SearchSorts() {}

  static Sort of(SortOrder order) {
    SortField byId = KeywordField.newSortField(Schema.ID, false, SortedSetSelector.Type.MIN);
    return switch (order) {
      case RELEVANCE, RECENCY -> new Sort(SortField.FIELD_SCORE, byId);
      case DATE -> {
        SortField newest = new SortField(Schema.PUBLISHED, SortField.Type.LONG, true);
        newest.setMissingValue(Long.MIN_VALUE); // undated articles last
        yield new Sort(newest, byId);
      }
    };
  }
}

package io.newssearch.lucene.search;

import io.newssearch.lucene.Schema;
import io.newssearch.search.SortOrder;
import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

/**
 * Per segment, what a hit ranks by and which story it belongs to, read from doc values: its rank
 * key (the score, or the publication time for {@code sort=date}; higher ranks first), its id (the
 * tie-break: smaller first, in the byte order {@link SearchSorts} uses) and its story's key
 * ({@link StoryKeys}). The same order as the uncollapsed search, so a collapsed page and a cursor mean the
 * same thing in both.
 */
final class RankReader {

  /** Key of an undated article under {@code sort=date}: after every dated one. */
  static final long UNDATED = Long.MIN_VALUE;

  private final boolean byDate;
  private final int docBase;
  private final SortedSetDocValues ids;
  private final SortedSetDocValues stories;
  private final long[] storyKeys;
  private final NumericDocValues published;
  private Scorable scorer;

  RankReader(LeafReaderContext leaf, SortOrder sort) throws IOException {
    this.byDate = sort == SortOrder.DATE;
    this.docBase = leaf.docBase;
    this.ids = DocValues.getSortedSet(leaf.reader(), Schema.ID);
    this.stories = DocValues.getSortedSet(leaf.reader(), Schema.STORY);
    this.storyKeys = StoryKeys.of(leaf.reader());
    this.published = DocValues.getNumeric(leaf.reader(), Schema.PUBLISHED);
  }

  void setScorer(Scorable scorer) {
    this.scorer = scorer;
  }

  float score() throws IOException {
    return scorer.score();
  }

  /** The rank key of the current document: higher ranks first. */
  long key(int doc) throws IOException {
    return byDate ? published(doc) : scoreKey(scorer.score());
  }

  long published(int doc) throws IOException {
    return published.advanceExact(doc) ? published.longValue() : UNDATED;
  }

  /** The id, valid until the next call. */
  BytesRef id(int doc) throws IOException {
    return ids.advanceExact(doc) ? ids.lookupOrd(ids.nextOrd()) : new BytesRef();
  }

  /** The id's ordinal in this segment (ordinals follow the ids' byte order), -1 when it has none. */
  long idOrd(int doc) throws IOException {
    return ids.advanceExact(doc) ? ids.nextOrd() : -1;
  }

  /**
   * The smallest ordinal of this segment whose id is not smaller than {@code id}, so that for any
   * document {@code idOrd(doc) >= idBound(id)} exactly when its id is {@code >= id}: a tie on the
   * rank key is decided without reading the document's id bytes.
   */
  long idBound(BytesRef id) throws IOException {
    if (id.length == 0) {
      return -1; // every id, a missing one included, is >= the empty id
    }
    long ord = ids.lookupTerm(id);
    return ord >= 0 ? ord : -ord - 1;
  }

  /** The story's key ({@link StoryKeys}); an article without a story is a story of its own. */
  long story(int doc) throws IOException {
    return stories.advanceExact(doc) ? storyKeys[(int) stories.nextOrd()] : StoryKeys.ofLoneArticle(docBase + doc);
  }

  /** The story id, valid until the next call; null when the article has no story. */
  BytesRef storyValue(int doc) throws IOException {
    return stories.advanceExact(doc) ? stories.lookupOrd(stories.nextOrd()) : null;
  }

  static long scoreKey(float score) {
    return NumericUtils.floatToSortableInt(score);
  }

  /** The rank key a cursor's sort values carry, as {@link Cursor} decodes them. */
  static long key(FieldDoc cursor, SortOrder sort) {
    return sort == SortOrder.DATE ? (Long) cursor.fields[0] : scoreKey((Float) cursor.fields[0]);
  }

  static BytesRef id(FieldDoc cursor) {
    return (BytesRef) cursor.fields[1];
  }

  /** Negative when (keyA, idA) ranks before (keyB, idB). */
  static int compare(long keyA, BytesRef idA, long keyB, BytesRef idB) {
    int c = Long.compare(keyB, keyA);
    return c != 0 ? c : idA.compareTo(idB);
  }
}

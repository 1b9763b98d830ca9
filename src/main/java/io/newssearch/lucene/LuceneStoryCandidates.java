package io.newssearch.lucene;

import io.newssearch.story.Bands;
import io.newssearch.story.Signature;
import io.newssearch.story.StoryCandidates;
import io.newssearch.story.StoryClusters;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Story candidates from a point-in-time reader: the live documents carrying any of a new article's
 * band terms, read segment by segment without a query. What it costs grows with the candidates that
 * must be checked, not with the index, so it reads cheap things first: id, story and date from doc
 * values, and the stored signature only of a candidate in a story not yet linked and published
 * close enough. Every candidate is considered (no cap), so what links does not depend on the order
 * documents sit in the index.
 */
final class LuceneStoryCandidates implements StoryCandidates {

  /** Says a band key is certainly absent from the reader, so it need not be looked up. */
  @FunctionalInterface
  interface KeyFilter {
    KeyFilter NONE = (band, hash) -> true;

    boolean mayContain(int band, long hash);
  }

  private static final Set<String> SIGNATURE = Set.of(Schema.STORY_SIGNATURE);

  private final IndexReader reader;
  private final KeyFilter filter;

  LuceneStoryCandidates(IndexReader reader, KeyFilter filter) {
    this.reader = reader;
    this.filter = filter;
  }

  @Override
  public Set<String> linkedStories(String id, Signature signature, Long publishedMillis, Predicate<String> stale)
      throws IOException {
    Keys keys = keys(signature);
    Set<String> linked = new LinkedHashSet<>();
    if (keys.binary().length == 0) {
      return linked;
    }
    for (LeafReaderContext leaf : reader.leaves()) {
      int[] docs = matching(leaf.reader(), keys);
      if (docs.length == 0) {
        continue;
      }
      SortedSetDocValues ids = DocValues.getSortedSet(leaf.reader(), Schema.ID);
      SortedSetDocValues stories = DocValues.getSortedSet(leaf.reader(), Schema.STORY);
      NumericDocValues dates = DocValues.getNumeric(leaf.reader(), Schema.PUBLISHED);
      StoredFields stored = null;
      for (int doc : docs) {
        String other = value(ids, doc);
        if (other == null || other.equals(id) || stale.test(other)) {
          continue;
        }
        String story = value(stories, doc);
        story = story == null ? other : story;
        Long published = dates.advanceExact(doc) ? dates.longValue() : null;
        if (linked.contains(story) || !StoryClusters.closeInTime(publishedMillis, published)) {
          continue;
        }
        stored = stored == null ? leaf.reader().storedFields() : stored;
        Document d = stored.document(doc, SIGNATURE);
        Signature theirs = ArticleDocuments.signature(d);
        if (theirs != null && StoryClusters.sameStory(signature, publishedMillis, theirs, published)) {
          linked.add(story);
        }
      }
    }
    return linked;
  }

  /** The band keys worth looking up, as both fields spell them, each sorted as its terms dictionary is. */
  private record Keys(BytesRef[] binary, BytesRef[] legacy) {}

  private Keys keys(Signature signature) {
    long[] hashes = Bands.hashes(signature);
    BytesRef[] binary = new BytesRef[hashes.length];
    BytesRef[] legacy = new BytesRef[hashes.length];
    int n = 0;
    for (int b = 0; b < hashes.length; b++) {
      if (filter.mayContain(b, hashes[b])) {
        binary[n] = ArticleDocuments.bandTerm(b, hashes[b]);
        legacy[n++] = new BytesRef(Bands.key(b, hashes[b]));
      }
    }
    binary = Arrays.copyOf(binary, n);
    legacy = Arrays.copyOf(legacy, n);
    Arrays.sort(binary);
    Arrays.sort(legacy);
    return new Keys(binary, legacy);
  }

  /** Live documents of this segment carrying any of the keys, in increasing order, each once. */
  private static int[] matching(LeafReader leaf, Keys keys) throws IOException {
    Bits live = leaf.getLiveDocs();
    int[] docs = new int[0];
    int n = 0;
    for (String field : new String[] {Schema.STORY_BANDS, Schema.LEGACY_STORY_BANDS}) {
      Terms terms = leaf.terms(field);
      if (terms == null) {
        continue; // segments written since the binary keys have no text ones, and the other way round
      }
      TermsEnum te = terms.iterator();
      PostingsEnum postings = null;
      for (BytesRef key : field.equals(Schema.STORY_BANDS) ? keys.binary() : keys.legacy()) {
        if (!te.seekExact(key)) {
          continue;
        }
        postings = te.postings(postings, PostingsEnum.NONE);
        for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
          if (live == null || live.get(d)) {
            if (n == docs.length) {
              docs = Arrays.copyOf(docs, Math.max(8, n * 2));
            }
            docs[n++] = d;
          }
        }
      }
    }
    Arrays.sort(docs, 0, n);
    int unique = 0;
    for (int i = 0; i < n; i++) {
      if (unique == 0 || docs[unique - 1] != docs[i]) {
        docs[unique++] = docs[i];
      }
    }
    return Arrays.copyOf(docs, unique);
  }

  /** A keyword field's value from its doc values; documents are visited in increasing order. */
  private static String value(SortedSetDocValues values, int doc) throws IOException {
    return values.advanceExact(doc) ? values.lookupOrd(values.nextOrd()).utf8ToString() : null;
  }
}

package io.newssearch.lucene;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The live documents of one term, segment by segment, without a query: lookups made while writing
 * (does this id exist, which documents carry this story) need no scores, no cache and no hit
 * queue, which {@code IndexSearcher.search(query, n)} would size by the whole index.
 */
final class TermDocs {

  /** Called for each live document of the term. */
  @FunctionalInterface
  interface Visitor {
    void visit(LeafReader leaf, int doc) throws IOException;
  }

  private TermDocs() {}

  static void forEach(IndexReader reader, String field, String value, Visitor visitor) throws IOException {
    BytesRef term = new BytesRef(value);
    for (LeafReaderContext leaf : reader.leaves()) {
      PostingsEnum postings = postings(leaf.reader(), field, term);
      if (postings == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
        if (live == null || live.get(d)) {
          visitor.visit(leaf.reader(), d);
        }
      }
    }
  }

  /** Whether any live document carries the term. */
  static boolean any(IndexReader reader, String field, String value) throws IOException {
    BytesRef term = new BytesRef(value);
    for (LeafReaderContext leaf : reader.leaves()) {
      PostingsEnum postings = postings(leaf.reader(), field, term);
      if (postings == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
        if (live == null || live.get(d)) {
          return true;
        }
      }
    }
    return false;
  }

  private static PostingsEnum postings(LeafReader leaf, String field, BytesRef term) throws IOException {
    Terms terms = leaf.terms(field);
    if (terms == null) {
      return null;
    }
    TermsEnum te = terms.iterator();
    return te.seekExact(term) ? te.postings(null, PostingsEnum.NONE) : null;
  }
}

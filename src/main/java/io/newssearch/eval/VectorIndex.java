package io.newssearch.eval;

import io.newssearch.semantic.VectorFields;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * An evaluation's articles as vectors in a Lucene index of their own (the quantized HNSW field of
 * {@link VectorFields}, an id beside it), searched by kNN; and the exact float ranking over the same
 * vectors, to see what quantization and the graph cost. Phase 2 puts the field into the article
 * index itself.
 */
final class VectorIndex implements Closeable {

  private static final String ID = "id";

  private final List<String> ids;
  private final float[][] vectors;
  private final Directory dir = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  VectorIndex(List<String> ids, float[][] vectors) throws IOException {
    this.ids = List.copyOf(ids);
    this.vectors = vectors;
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setCodec(VectorFields.codec()))) {
      for (int i = 0; i < vectors.length; i++) {
        Document d = new Document();
        d.add(new StoredField(ID, ids.get(i)));
        d.add(VectorFields.field(vectors[i]));
        w.addDocument(d);
      }
      w.forceMerge(1); // one graph, as a long-lived index ends up with after merges
    }
    reader = DirectoryReader.open(dir);
    searcher = new IndexSearcher(reader);
  }

  /** The ids of the {@code k} nearest articles by the quantized HNSW search, nearest first. */
  List<String> nearest(float[] query, int k) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<String> out = new ArrayList<>();
    for (ScoreDoc sd : searcher.search(VectorFields.nearest(query, k, null), k).scoreDocs) {
      out.add(stored.document(sd.doc, Set.of(ID)).get(ID));
    }
    return out;
  }

  /** The ids of the {@code k} nearest by exact float dot product over every vector. */
  List<String> exactNearest(float[] query, int k) {
    Integer[] order = new Integer[vectors.length];
    double[] sim = new double[vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      order[i] = i;
      double s = 0;
      for (int j = 0; j < query.length; j++) {
        s += query[j] * vectors[i][j];
      }
      sim[i] = s;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -sim[i]));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(k, order.length); i++) {
      out.add(ids.get(order[i]));
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    dir.close();
  }
}

package io.newssearch.semantic;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * The article vector in a Lucene index: one {@link KnnFloatVectorField} per document, stored as an
 * HNSW graph over int8 scalar-quantized vectors (Lucene 10.5's
 * {@link Lucene104HnswScalarQuantizedVectorsFormat}, one byte per dimension instead of four; the
 * raw floats are kept beside it for merges), chosen for this field only by a per-field codec so the
 * rest of the index keeps Lucene's defaults.
 */
public final class VectorFields {

  /** The field holding an article's vector. */
  public static final String VECTOR = "vector";
  /** HNSW links per node and candidates while building: Lucene's defaults. */
  static final int MAX_CONN = 16;
  static final int BEAM_WIDTH = 100;

  private VectorFields() {}

  /**
   * The default codec with the quantized HNSW format on {@link #VECTOR}. Its name stays Lucene's,
   * so any reader opens the index; the vector format is recorded per field and found by name.
   */
  public static Codec codec() {
    KnnVectorsFormat quantized = new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.UNSIGNED_BYTE,
        MAX_CONN, BEAM_WIDTH);
    return new Lucene104Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return VECTOR.equals(field) ? quantized : super.getKnnVectorsFormatForField(field);
      }
    };
  }

  /** Dot product: the embedders give unit vectors, for which it is cosine similarity, cheaper. */
  public static KnnFloatVectorField field(float[] vector) {
    return new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT);
  }

  /** The {@code k} nearest articles; {@code filter} (may be null) is applied inside the graph search. */
  public static Query nearest(float[] vector, int k, Query filter) {
    return new KnnFloatVectorQuery(VECTOR, vector, k, filter);
  }
}

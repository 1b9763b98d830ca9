package io.newssearch.lucene;

import io.newssearch.article.Article;
import io.newssearch.semantic.Embedder;
import io.newssearch.semantic.EmbeddingText;
import io.newssearch.semantic.VectorFields;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;

/**
 * Which articles of an index get a vector, and the vector: an index either has vectors or not, and
 * says so in its commit data ({@link #COMMIT_KEY}, the model's name), so that every later run of
 * {@code index} and every API write keeps embedding without being told again. Only articles in a
 * language the model serves ({@link EmbeddingText#LANGUAGES}) are embedded: all-MiniLM-L6-v2 is English-trained,
 * and measured on MasakhaNEWS it is far below lexical search on every other language but Nigerian
 * Pidgin (EVALUATION.md).
 *
 * <p>An article is embedded on the indexing worker that writes it, one text per call: the indexer's
 * workers are the machine's cores, and one text per thread was the fastest way to use them
 * ({@code bench embed}: langchain4j runs one text per ONNX call, so a batch is only a unit handed to
 * threads).
 */
public final class ArticleVectors {

  /** Commit data naming the model whose vectors the index holds; absent: no vectors. */
  public static final String COMMIT_KEY = "newssearch.vectors";

  /** No vectors: what an index without them writes. */
  static final ArticleVectors NONE = new ArticleVectors(null);

  /**
   * What a writer is told: whether vectors were asked for ({@code --vectors}), and where the model
   * comes from when they are, or when the index already has them.
   */
  public record Source(boolean requested, Supplier<Embedder> embedder) {
    /** Not asked for, and no model: for writers of indexes that never had vectors (tests, benchmarks). */
    public static final Source NONE = new Source(false, () -> {
      throw new io.newssearch.semantic.VectorsUnavailableException(
          "this index has vectors, and this writer was given no embedder: write through LuceneEngine");
    });
  }

  private final Supplier<Embedder> embedder;

  /** @param embedder the model, asked for on first use; null: no vectors */
  private ArticleVectors(Supplier<Embedder> embedder) {
    this.embedder = embedder;
  }

  /**
   * What a writer on an index writes: vectors when they were asked for or the index already has
   * them. Records the choice in the writer's commit data, so it lasts.
   *
   * @param recorded the commit data of the index this writer follows (the live one, for a rebuild)
   */
  static ArticleVectors forWriter(IndexWriter writer, Source source, Map<String, String> recorded) {
    boolean on = source.requested() || recorded.containsKey(COMMIT_KEY);
    if (!on) {
      return NONE;
    }
    Map<String, String> data = new HashMap<>();
    if (writer.getLiveCommitData() != null) {
      writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
    }
    data.put(COMMIT_KEY, source.embedder().get().modelName());
    writer.setLiveCommitData(data.entrySet());
    return new ArticleVectors(source.embedder());
  }

  /** Whether the index a reader shows has vectors: its commit says so, or a segment holds the field. */
  public static boolean present(IndexReader reader) throws IOException {
    if (reader instanceof org.apache.lucene.index.DirectoryReader d
        && d.getIndexCommit().getUserData().containsKey(COMMIT_KEY)) {
      return true;
    }
    FieldInfo field = FieldInfos.getMergedFieldInfos(reader).fieldInfo(VectorFields.VECTOR);
    return field != null && field.getVectorDimension() > 0;
  }

  /** The commit data of the live generation of {@code layout}, empty when there is none. */
  static Map<String, String> recorded(IndexLayout layout) throws IOException {
    var live = layout.current();
    if (live.isEmpty()) {
      return Map.of();
    }
    try (var dir = org.apache.lucene.store.FSDirectory.open(live.get())) {
      var commits = org.apache.lucene.index.DirectoryReader.listCommits(dir);
      return commits.isEmpty() ? Map.of() : commits.get(commits.size() - 1).getUserData();
    } catch (org.apache.lucene.index.IndexNotFoundException e) {
      return Map.of();
    }
  }

  boolean enabled() {
    return embedder != null;
  }

  /** The article's vector, or null when this index has none or the model does not serve its language. */
  float[] of(Article a) {
    String text = embedder == null ? null : EmbeddingText.forArticle(a);
    return text == null ? null : embedder.get().embed(text);
  }

  /** The vector a document already has (a rewrite keeps it rather than embedding again), or null. */
  public static float[] stored(LeafReader leaf, int doc) throws IOException {
    FloatVectorValues values = leaf.getFloatVectorValues(VectorFields.VECTOR);
    if (values == null) {
      return null;
    }
    KnnVectorValues.DocIndexIterator it = values.iterator();
    return it.advance(doc) == doc ? values.vectorValue(it.index()).clone() : null;
  }
}

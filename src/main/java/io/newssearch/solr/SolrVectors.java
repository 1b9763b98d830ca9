package io.newssearch.solr;

import io.newssearch.article.Article;
import io.newssearch.semantic.Embedder;
import io.newssearch.semantic.EmbeddingText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.common.SolrInputDocument;

/**
 * Article vectors on SolrCloud, by the embedded index's rule ({@code lucene.ArticleVectors}): a
 * collection either has vectors or not, and says so in a collection property ({@link #PROPERTY},
 * the model's name, kept in ZooKeeper with the collection), so that every later run of
 * {@code index} and every API write keeps embedding without being told again, and a rebuild keeps
 * what the collection it replaces had. The embedding happens here, in the JVM that writes (on the
 * indexer's workers), with the same model and the same text of the article as the embedded index
 * ({@link EmbeddingText}); Solr only stores and searches the vectors ({@code DenseVectorField},
 * {@code {!knn}}).
 */
final class SolrVectors {

  /** Collection property naming the model whose vectors the collection holds; absent: no vectors. */
  static final String PROPERTY = "newssearch.vectors";
  /** How long a collection's properties are cached by the ZooKeeper client (a watch keeps them current meanwhile). */
  private static final long PROPERTIES_CACHE_MS = 5_000;

  private final SolrCloudClient client;
  private final SolrAdminCalls calls;
  private final boolean requested;
  private final Supplier<Embedder> embedder;
  /** Collections seen with vectors: a collection never loses them. */
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  /**
   * @param requested {@code --vectors}: every run embeds, and marks the collection it writes
   * @param embedder the model, asked for on first use
   */
  SolrVectors(SolrCloudClient client, boolean requested, Supplier<Embedder> embedder) {
    this.client = client;
    this.calls = new SolrAdminCalls(client);
    this.requested = requested;
    this.embedder = embedder;
  }

  /** Whether the collection was created or written with vectors. */
  boolean present(String collection) {
    if (known.contains(collection)) {
      return true;
    }
    if (client.getClusterStateProvider() instanceof ZkClientClusterStateProvider zk
        && zk.getZkStateReader().getCollectionProperties(collection, PROPERTIES_CACHE_MS).containsKey(PROPERTY)) {
      known.add(collection);
      return true;
    }
    return false;
  }

  /**
   * What a writer into {@code collection} adds: vectors when they were asked for, or the collection
   * (or, for a rebuild, the live one it replaces) has them. Marks the collection before anything is
   * written, so a run killed half-way still leaves it embedding.
   *
   * @throws IllegalStateException when the collection's schema has no vector field (a collection
   *     created by an older release): only a rebuild gives it one
   */
  Writer forWriter(String collection, Optional<String> replaces) throws IOException {
    boolean on = requested || present(collection) || replaces.map(this::present).orElse(false);
    if (!on) {
      return Writer.NONE;
    }
    if (!present(collection)) {
      requireVectorField(collection);
      calls.setCollectionProperty(collection, PROPERTY, embedder.get().modelName());
      known.add(collection);
    }
    return new Writer(embedder);
  }

  /** The query's vector, embedded as typed. */
  float[] query(String text) {
    return embedder.get().embed(text);
  }

  private void requireVectorField(String collection) throws IOException {
    try {
      new SchemaRequest.Field(SolrFields.VECTOR).process(client, collection);
    } catch (SolrServerException | RuntimeException e) {
      if (SolrRequests.status(e) == 404) {
        throw new IllegalStateException("collection " + collection + " has no '" + SolrFields.VECTOR
            + "' field (it was created by a release without vectors): rebuild it with 'newssearch index --rebuild "
            + "--vectors --backend solr'");
      }
      throw SolrRequests.failure("read the schema of " + collection, e);
    }
  }

  /** Adds an article's vector to its Solr document, or nothing. */
  static final class Writer {
    static final Writer NONE = new Writer(null);

    private final Supplier<Embedder> embedder;

    private Writer(Supplier<Embedder> embedder) {
      this.embedder = embedder;
    }

    /** Embeds the article (English only: {@link EmbeddingText#forArticle}) into {@code doc}. */
    void add(SolrInputDocument doc, Article a) {
      String text = embedder == null ? null : EmbeddingText.forArticle(a);
      if (text != null) {
        doc.setField(SolrFields.VECTOR, floats(embedder.get().embed(text)));
      }
    }
  }

  /** A vector as SolrJ sends a DenseVectorField value, and as {@code {!knn}} reads one. */
  static List<Float> floats(float[] v) {
    List<Float> out = new ArrayList<>(v.length);
    for (float f : v) {
      out.add(f);
    }
    return out;
  }
}

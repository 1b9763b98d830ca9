/**
 * Search by meaning: an {@link io.newssearch.semantic.Embedder} turns text into vectors (the model
 * behind it can be replaced), {@link io.newssearch.semantic.EmbeddingText} says which text of an
 * article is embedded, and the Lucene side (a kNN vector field with int8-quantized HNSW,
 * reciprocal-rank fusion with the lexical ranking) is shared by the embedded engine
 * ({@code lucene.ArticleVectors} writes the field, {@code lucene.search.VectorSearch} runs the
 * semantic and hybrid modes) and the measurements of issue 19. The SolrCloud engine uses the
 * embedder, the embedded text and the fusion ({@code solr.SolrVectors}, {@code solr.SolrVectorSearch});
 * {@link io.newssearch.semantic.SharedEmbedder} is each engine's one model, made on first use.
 *
 * <p>ONNX Runtime and the model come in through {@link io.newssearch.semantic.Embedders} only: no
 * class of theirs is loaded until vectors are asked for, so the default (lexical) path never pays
 * for them and a build without them fails with a message naming what is missing.
 */
package io.newssearch.semantic;

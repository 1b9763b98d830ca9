/**
 * The index: {@link io.newssearch.lucene.Schema} names every field, {@link io.newssearch.lucene.ArticleDocuments} is the
 * only Article/Document seam, {@link io.newssearch.index.Indexer} runs walk, parse, enrich, validate, upsert, commit;
 * {@link io.newssearch.lucene.IndexLayout} keeps generations so a rebuild is atomic, and
 * {@link io.newssearch.lucene.IndexHandle} alone owns the readers and refreshes them.
 */
package io.newssearch.index;

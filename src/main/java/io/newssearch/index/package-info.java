/**
 * The index: {@link io.newssearch.index.Schema} names every field, {@link io.newssearch.index.ArticleDocuments} is the
 * only Article/Document seam, {@link io.newssearch.index.Indexer} runs walk, parse, enrich, validate, upsert, commit;
 * {@link io.newssearch.index.IndexLayout} keeps generations so a rebuild is atomic, and
 * {@link io.newssearch.index.IndexHandle} alone owns the readers and refreshes them.
 */
package io.newssearch.index;

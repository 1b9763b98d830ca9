/**
 * The indexing contract, the same for every engine: {@link io.newssearch.index.Indexer} runs walk →
 * parse → enrich → validate → {@link io.newssearch.index.IndexedArticle} (signature, bands,
 * entities derived once) → upsert into an {@link io.newssearch.index.IndexTarget} → commit →
 * summary, on partitioned workers ({@link io.newssearch.index.PartitionedWorkers}). API writes go
 * through an {@link io.newssearch.index.ArticleStore}; {@link io.newssearch.index.CarryOverStore}
 * is the part both engines share: writes serialised, and rebuilds that carry API writes and
 * deletes over. {@link io.newssearch.index.WriteFailure} says why a write failed in an operator's
 * words (the disk is full, or another I/O error). No engine is imported here.
 */
package io.newssearch.index;

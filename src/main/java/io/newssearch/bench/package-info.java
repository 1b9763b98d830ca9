/**
 * The benchmark harness behind {@code newssearch bench} and BENCHMARKS.md: indexing and queries
 * against a bare-Lucene baseline in the same run, HTTP load through the real server with wrk, a
 * seeded generator of large multilingual corpora from real collections (with republished copies),
 * near-real-time visibility, and the scale run ({@link io.newssearch.bench.ScaleBenchmark}): the
 * indexer and the server in their own JVMs, watched from outside (heap from the GC log, RSS, hangs),
 * against bare Lucene and SQLite FTS5 on the same articles. Each benchmark returns values; the CLI
 * prints them. Measuring on a shared 2-core machine: see ../shared/BENCHMARK-NOTES.md (medians,
 * interleaving, pauses, warm-up).
 */
package io.newssearch.bench;

/**
 * The benchmark harness behind {@code newssearch bench} and BENCHMARKS.md: indexing and queries
 * against a bare-Lucene baseline in the same run, HTTP load through the real server with wrk, a
 * seeded generator of larger corpora, and near-real-time visibility. Each benchmark returns values;
 * the CLI prints them. Measuring on a shared 2-core machine: see ../shared/BENCHMARK-NOTES.md
 * (medians, interleaving, pauses, warm-up).
 */
package io.newssearch.bench;

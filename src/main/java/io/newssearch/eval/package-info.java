/**
 * Relevance evaluation: TREC run files and qrels, the metrics {@code trec_eval} reports (MAP,
 * nDCG@10, P@10, recall@100, MRR@10), and the two evaluations {@code newssearch eval} runs: the TIME
 * 1963 test collection and known-item search on MasakhaNEWS. Reads collections from {@code
 * ../shared/data}; nothing here is used by the server.
 */
package io.newssearch.eval;

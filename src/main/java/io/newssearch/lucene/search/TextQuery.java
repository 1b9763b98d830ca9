package io.newssearch.lucene.search;

import org.apache.lucene.search.Query;

/**
 * The scoring part of a search ({@link QueryFactory}) and, when its ranking rescores the query's
 * top articles, the first search that found them (else null).
 */
public record TextQuery(Query query, FirstSearch first) {}

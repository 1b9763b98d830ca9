package io.newssearch.ingest;

import io.newssearch.article.Article;
/** Receives what a parser found in one file. Lines are 1-based; whole-file formats use line 1. */
public interface RecordSink {

  void accept(Article article, int line);

  void reject(int line, String reason);
}

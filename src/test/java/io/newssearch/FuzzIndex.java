package io.newssearch;

import io.newssearch.lucene.LuceneEngine;
import io.newssearch.search.SearchService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The newsroom fixture in a real index, opened once per fuzzing JVM, for targets that search. */
public final class FuzzIndex {

  private static SearchService search;

  private FuzzIndex() {}

  public static synchronized SearchService search() {
    if (search == null) {
      try {
        Path dir = Files.createTempDirectory("newssearch-fuzz-index-");
        TestIndexes.write(dir, TestIndexes.newsroom());
        search = new LuceneEngine(dir).search();
        search.search(io.newssearch.search.SearchRequest.builder().query("naval drill").build()); // warm
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return search;
  }
}

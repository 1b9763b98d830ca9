package io.newssearch.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CSV/TSV reader with a header ({@link CorpusFuzzing} says what counts as a finding). */
class CsvFuzzTest {

  static Stream<Arguments> seeds() throws Exception {
    return CorpusFuzzing.seeds("ingest/csv");
  }

  @MethodSource("seeds")
  @FuzzTest
  void fuzz(byte[] contents) throws Exception {
    CorpusFuzzing.parse(CsvFuzzTest.class, CorpusFormat.CSV, "articles.csv", contents);
  }
}

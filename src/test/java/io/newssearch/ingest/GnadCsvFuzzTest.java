package io.newssearch.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The 10kGNAD CSV reader ({@link CorpusFuzzing} says what counts as a finding). */
class GnadCsvFuzzTest {

  static Stream<Arguments> seeds() throws Exception {
    return CorpusFuzzing.seeds("ingest/gnad");
  }

  @MethodSource("seeds")
  @FuzzTest
  void fuzz(byte[] contents) throws Exception {
    CorpusFuzzing.parse(GnadCsvFuzzTest.class, CorpusFormat.GNAD_CSV, "train.csv", contents);
  }
}

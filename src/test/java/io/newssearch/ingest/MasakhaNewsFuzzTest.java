package io.newssearch.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The MasakhaNEWS TSV reader ({@link CorpusFuzzing} says what counts as a finding). */
class MasakhaNewsFuzzTest {

  static Stream<Arguments> seeds() throws Exception {
    return CorpusFuzzing.seeds("ingest/masakhanews");
  }

  @MethodSource("seeds")
  @FuzzTest
  void fuzz(byte[] contents) throws Exception {
    CorpusFuzzing.parse(MasakhaNewsFuzzTest.class, CorpusFormat.MASAKHANEWS_TSV, "data/hau/train.tsv", contents);
  }
}

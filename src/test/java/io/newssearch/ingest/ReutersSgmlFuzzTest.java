package io.newssearch.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Reuters-21578 SGML reader ({@link CorpusFuzzing} says what counts as a finding). */
class ReutersSgmlFuzzTest {

  static Stream<Arguments> seeds() throws Exception {
    return CorpusFuzzing.seeds("ingest/reuters");
  }

  @MethodSource("seeds")
  @FuzzTest
  void fuzz(byte[] contents) throws Exception {
    CorpusFuzzing.parse(ReutersSgmlFuzzTest.class, CorpusFormat.REUTERS_SGML, "reut2-000.sgm", contents);
  }
}

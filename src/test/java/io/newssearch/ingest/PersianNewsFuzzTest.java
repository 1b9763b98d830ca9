package io.newssearch.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Persian news reader ({@link CorpusFuzzing} says what counts as a finding). */
class PersianNewsFuzzTest {

  static Stream<Arguments> seeds() throws Exception {
    return CorpusFuzzing.seeds("ingest/persian");
  }

  @MethodSource("seeds")
  @FuzzTest
  void fuzz(byte[] contents) throws Exception {
    CorpusFuzzing.parse(PersianNewsFuzzTest.class, CorpusFormat.PERSIAN_NEWS, "agency_1.txt", contents);
  }
}

package io.newssearch.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTML page reader ({@link CorpusFuzzing} says what counts as a finding). */
class HtmlFuzzTest {

  static Stream<Arguments> seeds() throws Exception {
    return CorpusFuzzing.seeds("ingest/html");
  }

  @MethodSource("seeds")
  @FuzzTest
  void fuzz(byte[] contents) throws Exception {
    CorpusFuzzing.parse(HtmlFuzzTest.class, CorpusFormat.HTML, "page.html", contents);
  }
}

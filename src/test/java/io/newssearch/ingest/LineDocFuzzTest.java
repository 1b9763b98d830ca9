package io.newssearch.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Lucene line-doc reader ({@link CorpusFuzzing} says what counts as a finding). */
class LineDocFuzzTest {

  static Stream<Arguments> seeds() throws Exception {
    return CorpusFuzzing.seeds("ingest/linedoc");
  }

  @MethodSource("seeds")
  @FuzzTest
  void fuzz(byte[] contents) throws Exception {
    CorpusFuzzing.parse(LineDocFuzzTest.class, CorpusFormat.LINE_DOC, "docs.lines.txt", contents);
  }
}

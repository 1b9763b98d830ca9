package io.newssearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** bench load end to end, small: the sample corpus, a few connections for a few seconds. */
class RebuildLoadSmokeTest {

  @TempDir Path dir;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void searches_writes_and_rebuilds_run_together_and_every_write_is_found() throws Exception {
    var o = new RebuildLoadBenchmark.Options(List.of(Path.of("sample-corpus")), dir.resolve("index"), dir.resolve("logs"),
        "256m", 4, Duration.ofSeconds(6), 1, 42);
    RebuildLoadBenchmark.Result r = RebuildLoadBenchmark.run(o, System.out);
    String md = RebuildLoadBenchmark.markdown(r, o);
    System.out.print(md);
    assertTrue(r.clean(), md);
    assertTrue(r.articles() > 50, md);
    assertTrue(r.searches() > 0 && r.p50() > 0, md);
    assertTrue(r.rebuildsStarted() >= 1 && r.rebuildsPublished() == r.rebuildsStarted(), md);
    assertTrue(r.writesAcknowledged() > 0, md);
    assertEquals(r.writesAcknowledged(), r.writesFound(), md);
    assertTrue(md.contains("| 4 |"), md);
  }
}

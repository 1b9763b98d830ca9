package io.newssearch.eval;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a TREC run file: {@code qid Q0 docno rank score tag}, one line per retrieved document. */
public final class TrecRun {

  private TrecRun() {}

  public static void write(Path file, Map<String, List<TrecMeasures.Scored>> runs, String tag) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (var e : runs.entrySet()) {
        int rank = 1;
        for (TrecMeasures.Scored s : e.getValue()) {
          w.write(String.format(Locale.ROOT, "%s Q0 %s %d %.6f %s%n", e.getKey(), s.docno(), rank++, s.score(), tag));
        }
      }
    }
  }
}

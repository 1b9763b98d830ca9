package io.newssearch.cli;

import io.newssearch.Engine;
import io.newssearch.alerts.Alerts;
import io.newssearch.index.IndexSummary;
import io.newssearch.index.Indexer;
import io.newssearch.index.StrictModeException;
import io.newssearch.index.WriteFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newssearch index}: build or update the index from corpus files. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Index a corpus (folders are read recursively). Updates by article id; "
        + "--rebuild replaces the index atomically.")
final class IndexCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin IndexOptions index;

  @Mixin VectorsOption vectors;

  @Option(names = "--corpus", paramLabel = "PATH", required = true, split = ",",
      description = "Corpus folders or files (.jsonl[.gz], .ndjson, .md, .txt, .html; collections: "
          + "Reuters .sgm, *.lines.txt[.gz], MasakhaNEWS .tsv, .csv datasets, TIME.ALL).")
  List<Path> corpus;

  @Option(names = "--rebuild", description = "Build a fresh index and swap it in when complete.")
  boolean rebuild;

  @Option(names = "--strict", description = "Fail, changing nothing, if any record is rejected.")
  boolean strict;

  @Option(names = "--max-rejects", paramLabel = "N",
      description = "Fail, changing nothing, if more than N records are rejected (default: no limit; --strict is 0 "
          + "and also fails on unreadable files).")
  Long maxRejects;

  @Option(names = "--no-progress", negatable = false,
      description = "Do not draw a progress bar (it is drawn only on a terminal anyway).")
  boolean noProgress;

  @Override
  public Integer call() throws Exception {
    if (maxRejects != null && maxRejects < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-rejects: must be 0 or more, got " + maxRejects);
    }
    index.checkCorpus(corpus);
    index.checkWritable();
    try (Engine engine = index.open(io.newssearch.search.SearchLimits.DEFAULTS, vectors.vectors);
        Alerts alerts = Alerts.offline(index.alertsDir())) {
      engine.listen(alerts.listener()); // saved searches see this run's new articles
      var options = new Indexer.Options(corpus, rebuild, strict, maxRejects == null ? Indexer.Options.NO_LIMIT : maxRejects);
      IndexSummary summary;
      try (ConsoleProgress progress = ConsoleProgress.onTerminal(!noProgress)) {
        summary = engine.indexer().run(options, progress);
      } catch (StrictModeException e) {
        SummaryPrinter.print(e.summary(), System.err);
        System.err.println(e.getMessage());
        return 1;
      } catch (IOException e) {
        // a full disk or a failing one: nothing of this run is committed (a rebuild is not published)
        System.err.println("error: the index run failed: " + WriteFailure.describe(e)
            + "; nothing of this run was committed and the index is as it was"
            + (WriteFailure.diskFull(e) ? "; free space and run it again" : ""));
        return 1;
      }
      SummaryPrinter.print(summary, System.out);
      return 0;
    }
  }
}

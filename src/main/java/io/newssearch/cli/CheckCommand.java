package io.newssearch.cli;

import io.newssearch.lucene.IndexCheck;
import io.newssearch.lucene.IndexLayout;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newssearch check}: Lucene's CheckIndex on the published generation. Exit 0 when healthy,
 * 1 when damaged (naming the file and what to do), so a cron job or a monitor can act on it.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Verify the published index with Lucene's CheckIndex (checksums and every structure). "
        + "Exit 0: healthy; 1: damaged (the broken files are named). Safe while a server writes.")
final class CheckCommand implements Callable<Integer> {

  @Option(names = "--index", paramLabel = "DIR", defaultValue = IndexOptions.DEFAULT_INDEX,
      description = "Index directory (default: ${DEFAULT-VALUE}).")
  Path index;

  @Option(names = "--verbose", description = "Print CheckIndex's own report too.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    IndexCheck.Report report = IndexCheck.run(new IndexLayout(index));
    if (verbose) {
      System.out.print(report.output());
    }
    String where = report.generation().getFileName() + " (" + report.segmentsFile() + ", "
        + report.segments() + " segments, " + report.documents() + " articles)";
    if (report.healthy()) {
      System.out.println("healthy: " + where + ", checked in " + report.millis() + " ms");
      return 0;
    }
    System.out.println("DAMAGED: " + where);
    report.problems().forEach(p -> System.out.println("  " + p));
    System.out.println("To recover: restore a backup (newssearch restore --from BACKUP --index " + index
        + " --force) or rebuild (newssearch index --index " + index + " --rebuild --corpus PATH). A server on this "
        + "index falls back to the previous generation by itself when it finds the damage.");
    return 1;
  }
}

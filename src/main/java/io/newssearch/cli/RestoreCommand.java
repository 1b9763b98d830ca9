package io.newssearch.cli;

import io.newssearch.lucene.IndexBackup;
import io.newssearch.lucene.IndexLayout;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newssearch restore}: a verified backup published as a new generation; servers switch to it by themselves. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = "Verify a backup against its manifest and publish it as a new index generation, atomically; "
        + "running servers switch to it within a second. Replaces a live index holding articles only with --force.")
final class RestoreCommand implements Callable<Integer> {

  @Option(names = "--from", paramLabel = "BACKUP", required = true, description = "A folder written by 'newssearch backup'.")
  Path from;

  @Option(names = "--index", paramLabel = "DIR", defaultValue = IndexOptions.DEFAULT_INDEX,
      description = "Index directory (default: ${DEFAULT-VALUE}).")
  Path index;

  @Option(names = "--force", description = "Replace a live index that holds articles (what was written since the "
      + "backup is lost; the replaced generation is kept as the previous one until the next rebuild or restore).")
  boolean force;

  @Override
  public Integer call() throws Exception {
    IndexBackup.Outcome done = IndexBackup.restore(from, new IndexLayout(index), force);
    System.out.printf("restored %d articles from %s (taken %s from %s) as %s in %d ms%n",
        done.manifest().documents(), from.toAbsolutePath(), done.manifest().created(), done.manifest().generation(),
        done.generation().getFileName(), done.millis());
    return 0;
  }
}

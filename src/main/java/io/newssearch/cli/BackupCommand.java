package io.newssearch.cli;

import io.newssearch.lucene.IndexBackup;
import io.newssearch.lucene.IndexLayout;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newssearch backup}: the published index's latest commit, copied and verified, while a server writes. */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = "Copy the latest commit of the published index to a new folder, with a manifest of checksums "
        + "verified after copying. Safe while a server serves and writes; exit 0 when the backup is whole.")
final class BackupCommand implements Callable<Integer> {

  @Option(names = "--index", paramLabel = "DIR", defaultValue = IndexOptions.DEFAULT_INDEX,
      description = "Index directory (default: ${DEFAULT-VALUE}).")
  Path index;

  @Option(names = "--to", paramLabel = "DEST", required = true,
      description = "New folder for the backup (must not exist; written as DEST.partial, renamed when verified).")
  Path dest;

  @Override
  public Integer call() throws Exception {
    IndexBackup.Outcome done = IndexBackup.backup(new IndexLayout(index), dest);
    System.out.printf("backed up %d articles (%s, %s, %d files, %.1f MB) to %s in %d ms; verified%n",
        done.manifest().documents(), done.manifest().generation(), done.manifest().segmentsFile(),
        done.manifest().files().size(), done.manifest().totalBytes() / 1e6, dest.toAbsolutePath(), done.millis());
    return 0;
  }
}

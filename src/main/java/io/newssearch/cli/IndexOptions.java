package io.newssearch.cli;

import io.newssearch.Engine;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.lucene.IndexHandle;
import io.newssearch.search.SearchLimits;
import io.newssearch.solr.SolrEngine;
import io.newssearch.solr.SolrSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where the articles live, the options every command shares: the embedded index in a directory
 * ({@code --index}, the default), or a SolrCloud collection ({@code --backend solr --zk ...}).
 */
final class IndexOptions {

  static final String DEFAULT_INDEX = "index-data";
  /** The ZooKeeper address when --zk is not given. */
  static final String ZK_ENV = "NEWSSEARCH_SOLR_ZK";

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  @Option(names = "--backend", defaultValue = "lucene", paramLabel = "lucene|solr",
      description = "Where articles live: the embedded Lucene index (default) or a SolrCloud collection.")
  String backend;

  @Option(names = "--index", paramLabel = "DIR", defaultValue = DEFAULT_INDEX,
      description = "Index directory of the lucene backend (default: ${DEFAULT-VALUE}).")
  Path index;

  @Option(names = "--zk", paramLabel = "HOST:PORT[/chroot]",
      description = "ZooKeeper of the SolrCloud cluster (solr backend; default: the " + ZK_ENV + " environment variable).")
  String zk;

  @Option(names = "--collection", paramLabel = "NAME", defaultValue = SolrSettings.DEFAULT_COLLECTION,
      description = "The alias searched, pointing at newssearch's newest complete collection (solr backend; "
          + "default: ${DEFAULT-VALUE}).")
  String collection;

  @Option(names = "--shards", paramLabel = "N",
      description = "Shards of a collection newssearch creates (solr backend; default: the live collection's, else "
          + SolrSettings.DEFAULT_SHARDS + ").")
  Integer shards;

  @Option(names = "--replicas", paramLabel = "N",
      description = "Replicas of each shard of a collection newssearch creates (solr backend; default: the live "
          + "collection's, else " + SolrSettings.DEFAULT_REPLICAS + ").")
  Integer replicas;

  /**
   * Where saved searches and the record of articles seen live: beside the index generations, for
   * either backend (a SolrCloud deployment keeps them in this local folder).
   */
  Path alertsDir() {
    return index.resolve(io.newssearch.alerts.Alerts.FOLDER);
  }

  /**
   * Before a command on the alert store of an index that should already exist: a missing folder is
   * a mistyped {@code --index}, said so, rather than a new empty store quietly created there.
   */
  void requireExistingFolder() {
    if (Files.isDirectory(index)) {
      return;
    }
    if (Files.exists(index)) {
      throw new CommandError(index + " is a file, not a folder: give --index the index folder");
    }
    throw new CommandError("there is no index folder at " + index + " (the alerts are kept in it); give --index "
        + (backend.equals("lucene") ? "the folder of an existing index, or build one with: newssearch index --index "
            + index + " --corpus PATH" : "the local folder a server on this collection was started with"));
  }

  /** Every corpus path given exists: a typo is a usage error, before an index is opened or made. */
  void checkCorpus(List<Path> corpus) {
    for (Path p : corpus) {
      if (!Files.exists(p)) {
        throw usage("--corpus: there is no file or folder at " + p.toAbsolutePath());
      }
    }
  }

  /**
   * Before a command that writes the embedded index: the folder exists or can be created, and can
   * be written, said in words when not ("X is a file, not a folder", "cannot write X: permission
   * denied") rather than as whatever the first failing file operation names deep inside.
   */
  void checkWritable() {
    if (!backend.equals("lucene")) {
      return;
    }
    Path target = index.toAbsolutePath().normalize();
    Path existing = target;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    if (!Files.isDirectory(existing)) {
      throw new CommandError(existing + " is a file, not a folder" + (existing.equals(target) ? ""
          : " (on the way to --index " + index + ")") + ": give --index a folder, which is created if missing");
    }
    if (!Files.isWritable(existing)) {
      throw new CommandError(existing.equals(target) ? "cannot write " + index + ": permission denied"
          : "cannot create " + index + ": cannot write " + existing + ": permission denied");
    }
  }

  /**
   * Before reading: a missing or empty index is said to be one, with how to fill it, instead of
   * answering "0 hits" from an index that a typo in --index just created.
   *
   * @param fill how else the command could fill it, or empty
   */
  void requireArticles(Engine engine, String fill) throws java.io.IOException {
    if (backend.equals("lucene") && Files.exists(index) && !Files.isDirectory(index)) {
      throw new CommandError(index + " is a file, not a folder: give --index the index folder");
    }
    if (engine.articleCount() > 0) {
      return;
    }
    String where = backend.equals("lucene") ? "--index " + index : "--backend solr --collection " + collection;
    String what = backend.equals("lucene") && !Files.exists(index) ? "there is no index at " + index
        : "the index at " + engine.location() + " holds no articles";
    throw new CommandError(what + "; build it with: newssearch index " + where + " --corpus PATH" + fill);
  }

  Engine open() {
    return open(SearchLimits.DEFAULTS);
  }

  Engine open(SearchLimits limits) {
    return open(limits, false);
  }

  /**
   * The chosen backend; a 2 exit with a message naming the option when the options do not fit together.
   *
   * @param vectors {@code --vectors}: index article vectors
   */
  Engine open(SearchLimits limits, boolean vectors) {
    if (!backend.equals("lucene") && !backend.equals("solr")) {
      throw usage("unknown --backend '" + backend + "': expected lucene or solr");
    }
    if (backend.equals("lucene")) {
      if (zk != null || shards != null || replicas != null) {
        throw usage("--zk, --shards and --replicas are for --backend solr");
      }
      return new LuceneEngine(index, IndexHandle.DEFAULT_REFRESH_INTERVAL, limits, vectors);
    }
    String address = zk != null ? zk : System.getenv(ZK_ENV);
    if (address == null || address.isBlank()) {
      throw usage("--backend solr needs the cluster's ZooKeeper: --zk HOST:PORT[/chroot] (or " + ZK_ENV + ")");
    }
    try {
      return new SolrEngine(new SolrSettings(address, collection, shards, replicas), limits, vectors);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(command.commandLine(), message);
  }
}

package io.newssearch.backend;

import io.newssearch.Engine;
import io.newssearch.lucene.LuceneEngine;
import io.newssearch.solr.SolrEngine;
import io.newssearch.solr.SolrSettings;
import io.newssearch.solr.SolrTestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend the contract tests run against: each opens fresh, empty engines of it. The contracts
 * ({@code *Contract} classes) are written once; a subclass per backend says which one.
 */
interface Backend {

  /** A new engine over an empty store nobody else uses. */
  default Engine open() throws Exception {
    return open(false);
  }

  /** The same, told to index article vectors ({@code --vectors}). */
  Engine open(boolean vectors) throws Exception;

  /** Another engine over the same store, as another process would open it. */
  Engine reopen(Engine engine) throws Exception;

  /** The embedded Lucene index, in a temporary directory. */
  Backend LUCENE = new Backend() {
    @Override
    public Engine open(boolean vectors) throws Exception {
      Path parent = Files.createDirectories(Path.of("target", "contract-indexes"));
      return new LuceneEngine(Files.createTempDirectory(parent, "index-"),
          io.newssearch.lucene.IndexHandle.DEFAULT_REFRESH_INTERVAL, io.newssearch.search.SearchLimits.DEFAULTS, vectors);
    }

    @Override
    public Engine reopen(Engine engine) {
      return new LuceneEngine(((LuceneEngine) engine).layout().root());
    }

    @Override
    public String toString() {
      return "lucene";
    }
  };

  /**
   * A collection of 2 shards × 2 replicas on the shared 2-node SolrCloud test cluster, under an
   * alias of its own; searched with {@link SolrTestCluster#LIMITS} (a time budget a loaded machine
   * does not run out of: the contracts check whole answers).
   */
  Backend SOLR = new Backend() {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    public Engine open(boolean vectors) throws Exception {
      String name = "contract" + n.incrementAndGet() + "_" + ProcessHandle.current().pid();
      return new SolrEngine(new SolrSettings(SolrTestCluster.shared().zk(), name, 2, 2), SolrTestCluster.LIMITS,
          vectors);
    }

    @Override
    public Engine reopen(Engine engine) {
      return new SolrEngine(((SolrEngine) engine).settings(), SolrTestCluster.LIMITS);
    }

    @Override
    public String toString() {
      return "solr";
    }
  };

  /** The sample corpus the project ships. */
  static Path sampleCorpus() {
    return Path.of("sample-corpus");
  }
}

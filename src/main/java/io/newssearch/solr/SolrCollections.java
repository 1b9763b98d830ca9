package io.newssearch.solr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.cloud.DocCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collections behind the name readers search, as {@code index.IndexLayout} is for the
 * embedded index's generations: {@code NAME} is an alias pointing at one complete collection
 * {@code NAME_yyyyMMdd_HHmmss}. A rebuild fills a new collection and, only when it is committed,
 * moves the alias to it in one step; a rebuild killed half-way leaves the alias where it was.
 *
 * <p>After a move, the collection the alias left is kept (an operator can point the alias back)
 * and every older one, and the leftovers of killed rebuilds older than the new collection, are
 * deleted. Collections newer than the one published belong to a rebuild still running elsewhere
 * and are left alone.
 */
final class SolrCollections {

  private static final Logger log = LoggerFactory.getLogger(SolrCollections.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

  private final SolrCloudClient client;
  private final SolrSettings settings;
  private final SolrConfigSet configSet = SolrConfigSet.current();
  private final SolrAdminCalls calls;

  SolrCollections(SolrCloudClient client, SolrSettings settings) {
    this.client = client;
    this.settings = settings;
    this.calls = new SolrAdminCalls(client);
  }

  String name() {
    return settings.collection();
  }

  /**
   * The collection readers search now: the alias's target, or the collection of that name; empty
   * if none. Cheap, as searches call it: aliases come from ZooKeeper by watch, not by a request.
   */
  Optional<String> live() throws IOException {
    List<String> resolved = resolve();
    String target = resolved.get(0);
    if (!target.equals(name())) {
      return Optional.of(target);
    }
    return exists(target) ? Optional.of(target) : Optional.empty();
  }

  /** True when {@link #name()} is an alias (so rebuilds can move it), not a collection made by hand. */
  boolean isAlias() throws IOException {
    List<String> resolved = resolve();
    return !(resolved.size() == 1 && resolved.get(0).equals(name()));
  }

  /** What the name points at, from ZooKeeper's aliases (kept current by a watch). */
  private List<String> resolve() throws IOException {
    try {
      return client.getClusterStateProvider().resolveAlias(name());
    } catch (RuntimeException e) { // ZooKeeper unreachable: SolrJ's exceptions here are unchecked
      throw new io.newssearch.search.BackendUnavailableException(
          "SolrCloud: cannot read the aliases from ZooKeeper: " + e.getMessage(), e);
    }
  }

  /** The live collection, creating the first one (and the alias to it) when there is none. */
  String ensureLive() throws IOException {
    refreshAliases();
    Optional<String> live = live();
    if (live.isPresent()) {
      return live.get();
    }
    String first = createNew();
    publish(first);
    return first;
  }

  /** A new, empty collection for a rebuild (shards and replicas: the settings', else the live collection's). */
  String createNew() throws IOException {
    refreshAliases();
    if (!isAlias() && exists(name())) {
      throw new IllegalStateException("'" + name() + "' is a collection, not an alias, so a rebuild cannot "
          + "replace it; index into it without --rebuild, or give --collection a new name (newssearch then "
          + "manages an alias of that name)");
    }
    uploadConfigSet();
    int shards = settings.shards() != null ? settings.shards() : liveShape().map(s -> s[0]).orElse(SolrSettings.DEFAULT_SHARDS);
    int replicas = settings.replicas() != null ? settings.replicas() : liveShape().map(s -> s[1]).orElse(SolrSettings.DEFAULT_REPLICAS);
    String collection = freshName();
    log.info("creating collection {} ({} shards × {} replicas, configset {})", collection, shards, replicas, configSet.name());
    calls.createCollection(collection, configSet.name(), shards, replicas);
    return collection;
  }

  /** Points the alias at {@code collection}, then deletes what {@link SolrCollections} says it deletes. */
  void publish(String collection) throws IOException {
    refreshAliases();
    Optional<String> previous = isAlias() ? live() : Optional.empty();
    calls.pointAlias(name(), collection);
    waitForAlias(collection);
    log.info("alias {} now points at {}{}", name(), collection, previous.map(p -> " (was " + p + ")").orElse(""));
    for (String old : generations()) {
      if (old.compareTo(collection) < 0 && !previous.map(old::equals).orElse(false)) {
        delete(old);
      }
    }
  }

  /** Deletes a collection this backend created (a rolled-back rebuild, an old generation). */
  void delete(String collection) throws IOException {
    log.info("deleting collection {}", collection);
    calls.deleteCollection(collection);
    // Gone from this client's view too before returning, so what follows does not see it.
    if (client.getClusterStateProvider() instanceof ZkClientClusterStateProvider zk) {
      try {
        zk.getZkStateReader().waitForState(collection, 30, java.util.concurrent.TimeUnit.SECONDS,
            (DocCollection c) -> c == null);
      } catch (java.util.concurrent.TimeoutException e) {
        log.warn("collection {} still listed 30 s after its deletion", collection);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }

  /**
   * Every collection named like a generation of this alias, oldest first. Asked of the cluster
   * (the Collections API), not of this client's cached state, which learns of new collections a
   * moment later.
   */
  Set<String> generations() throws IOException {
    Set<String> out = new TreeSet<>();
    for (String c : calls.collections()) {
      if (c.startsWith(name() + "_") && c.substring(name().length() + 1).matches("\\d{8}_\\d{6}(_\\d+)?")) {
        out.add(c);
      }
    }
    return out;
  }

  /** Shards and replication factor of the live collection. */
  private Optional<int[]> liveShape() throws IOException {
    Optional<String> live = live();
    if (live.isEmpty()) {
      return Optional.empty();
    }
    DocCollection c = client.getClusterStateProvider().getCollection(live.get());
    return c == null ? Optional.empty() : Optional.of(new int[] {c.getSlices().size(), Math.max(1, c.getReplicationFactor())});
  }

  private boolean exists(String collection) throws IOException {
    return client.getClusterStateProvider().getCollection(collection) != null;
  }

  private String freshName() throws IOException {
    String base = name() + "_" + LocalDateTime.now(ZoneOffset.UTC).format(STAMP);
    String name = base;
    for (int i = 2; exists(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  /** Uploads this build's configset unless the cluster has it already (its name carries a hash of the files). */
  void uploadConfigSet() throws IOException {
    List<String> present;
    try {
      present = new ConfigSetAdminRequest.List().process(client).getConfigSets();
    } catch (SolrServerException e) {
      throw new IOException("cannot list the cluster's configsets: " + e.getMessage(), e);
    }
    if (present.contains(configSet.name())) {
      return;
    }
    Path zip = Files.createTempFile("newssearch-configset-", ".zip");
    try {
      Files.write(zip, configSet.zip());
      log.info("uploading configset {}", configSet.name());
      calls.uploadConfigSet(configSet.name(), zip.toFile());
    } finally {
      Files.deleteIfExists(zip);
    }
  }

  private void refreshAliases() {
    if (client.getClusterStateProvider() instanceof ZkClientClusterStateProvider zk) {
      try {
        zk.getZkStateReader().getAliasesManager().update();
      } catch (Exception e) {
        log.debug("could not refresh aliases now; using the last known", e);
      }
    }
  }

  private void waitForAlias(String collection) throws IOException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!client.getClusterStateProvider().resolveAlias(name()).equals(List.of(collection))) {
      if (System.nanoTime() > deadline) {
        throw new IOException("alias " + name() + " did not move to " + collection + " within 30 s");
      }
      refreshAliases();
      sleep(50);
    }
  }

  private static void sleep(long ms) throws IOException {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}

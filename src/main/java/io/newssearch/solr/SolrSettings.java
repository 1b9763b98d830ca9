package io.newssearch.solr;

/**
 * Where the SolrCloud backend reads and writes.
 *
 * @param zk ZooKeeper address of the cluster, {@code host:port[,host:port...][/chroot]}
 * @param collection the name readers search: an alias newssearch points at its newest complete
 *     collection ({@code NAME_20261202_101500}), or a collection made by hand (no rebuilds then)
 * @param shards shards of a collection newssearch creates; a rebuild keeps the live one's unless set
 * @param replicas copies of each shard, likewise
 */
public record SolrSettings(String zk, String collection, Integer shards, Integer replicas) {

  public static final String DEFAULT_COLLECTION = "newssearch";
  /** Solr's own defaults: enough for one node; say more for a real cluster. */
  public static final int DEFAULT_SHARDS = 1;
  public static final int DEFAULT_REPLICAS = 1;

  public SolrSettings {
    SolrCloudClient.ZkAddress.parse(zk); // a clear message for a malformed address, before connecting
    if (collection == null || !collection.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException("collection name '" + collection
          + "' must be letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    if (shards != null && shards < 1 || replicas != null && replicas < 1) {
      throw new IllegalArgumentException("shards and replicas must be 1 or more");
    }
  }

  public SolrSettings(String zk, String collection) {
    this(zk, collection, null, null);
  }

  @Override
  public String toString() {
    return "SolrCloud " + zk + " collection " + collection;
  }
}

package io.newssearch.solr;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.ClusterStateProvider;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.impl.LBSolrClient;
import org.apache.solr.common.util.NamedList;

/**
 * A SolrCloud client that finds the cluster through ZooKeeper (live nodes, shard leaders, aliases)
 * and speaks HTTP/1.1 through the JDK's own client ({@link JdkLoadBalancer} says why not HTTP/2,
 * and resends a request whose connection failed when that is safe).
 *
 * <p>Why not SolrJ's {@code CloudHttp2SolrClient}: it is built on Jetty 10's HTTP client, and
 * Jetty 10 cannot share a classpath with the Jetty 12 that Javalin serves on (same packages,
 * other API), so the pom leaves Jetty out of SolrJ. This class plugs SolrJ's JDK-based
 * {@link HttpJdkSolrClient} into the same routing logic ({@link CloudSolrClient}: updates to shard
 * leaders in parallel, queries spread over live replicas, retries on another node when one is
 * down, stale cluster state refreshed from ZooKeeper).
 */
public final class SolrCloudClient extends CloudSolrClient {

  static final long CONNECT_TIMEOUT_MS = 10_000;
  /** Long enough for a collection to be created or a large update batch to be applied. */
  static final long REQUEST_TIMEOUT_MS = 180_000;

  private final ClusterStateProvider state;
  private final JdkLoadBalancer lb = new JdkLoadBalancer();

  private SolrCloudClient(ClusterStateProvider state) {
    super(true, true, false); // updates to shard leaders, in parallel; direct updates to any replica
    this.state = state;
  }

  /**
   * @param zk {@code host:port[,host:port...][/chroot]}, as Solr's {@code -z} option takes it
   */
  public static SolrCloudClient connect(String zk) {
    ZkAddress address = ZkAddress.parse(zk);
    ClusterStateProvider state = ClusterStateProvider.newZkClusterStateProvider(
        address.hosts(), address.chroot().orElse(null), false);
    return new SolrCloudClient(state);
  }

  @Override
  protected LBSolrClient getLbClient() {
    return lb;
  }

  @Override
  public ClusterStateProvider getClusterStateProvider() {
    return state;
  }

  /**
   * A request to one node or core URL itself, not routed by collection (the status of a core),
   * through the same load balancer as every other request, so it is resent alike.
   */
  NamedList<Object> requestTo(String url, SolrRequest<?> request) throws SolrServerException, IOException {
    return lb.doRequest(url, request, null);
  }

  @Override
  public void close() throws IOException {
    try (state; lb) {
      super.close();
    }
  }

  /** {@code host:port,host:port/chroot} split into its hosts and chroot. */
  record ZkAddress(List<String> hosts, Optional<String> chroot) {
    static ZkAddress parse(String zk) {
      if (zk == null || zk.isBlank()) {
        throw new IllegalArgumentException("ZooKeeper address is empty; expected host:port[/chroot]");
      }
      int slash = zk.indexOf('/');
      String hosts = slash < 0 ? zk : zk.substring(0, slash);
      Optional<String> chroot = slash < 0 || slash == zk.length() - 1 ? Optional.empty() : Optional.of(zk.substring(slash));
      List<String> list = List.of(hosts.split(","));
      for (String h : list) {
        if (!h.matches("[^:\\s]+:\\d+")) {
          throw new IllegalArgumentException("'" + h + "' in ZooKeeper address '" + zk + "' is not host:port");
        }
      }
      return new ZkAddress(list, chroot);
    }
  }
}

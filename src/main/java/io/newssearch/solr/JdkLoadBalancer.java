package io.newssearch.solr;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.impl.LBSolrClient;
import org.apache.solr.common.util.NamedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The load balancer {@link SolrCloudClient} hands each request to, with the replicas to try in
 * order: one JDK HTTP client per URL (the URLs are the cluster's nodes and cores, a short list),
 * all sharing one thread pool. Every HTTP request of the SolrCloud backend passes through
 * {@link #doRequest(String, SolrRequest, String)}, the one place a request is sent again when
 * its connection failed before an answer came ({@link Resends}).
 *
 * <p>Why HTTP/1.1: without TLS, the JDK client reaches HTTP/2 by upgrading a new HTTP/1.1
 * connection, and it sends the request body along with the upgrade request. Solr's Jetty answers
 * "101 Switching Protocols" and then rejects the connection ({@code GOAWAY invalid_preface}), so
 * the request that opened it fails ("Received RST_STREAM", "parsing error"), and so does any
 * request sent on the new connection meanwhile ("EOF reached while reading"). HttpJdkSolrClient
 * avoids that only for the first connection to a URL (a HEAD request first); every later one, as
 * after a node closed an idle connection (Jetty's idle timeout), is opened by whatever request
 * comes next, often an update. HTTP/2's multiplexing gains little here: requests to one URL are
 * few at a time, and the JDK client notices an idle HTTP/1.1 connection the node closed and drops
 * it from its pool.
 */
final class JdkLoadBalancer extends LBSolrClient {

  private static final Logger log = LoggerFactory.getLogger(JdkLoadBalancer.class);

  private final Map<String, HttpJdkSolrClient> clients = new ConcurrentHashMap<>();
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "solr-http");
    t.setDaemon(true);
    return t;
  });

  JdkLoadBalancer() {
    super(List.of());
  }

  @Override
  protected SolrClient getClient(String url) {
    return clients.computeIfAbsent(url, u -> new HttpJdkSolrClient.Builder(u)
        .useHttp1_1(true)
        .withExecutor(executor)
        .withConnectionTimeout(SolrCloudClient.CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .withRequestTimeout(SolrCloudClient.REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .build());
  }

  @Override
  protected SolrClient getClient(Endpoint endpoint) {
    return getClient(endpoint.getUrl());
  }

  /**
   * Sends once more, at once and to the same URL, a request whose connection failed before any
   * answer when sending it twice cannot change the outcome. The JDK client has dropped the failed
   * connection, so the second try goes out on a new one. Anything else fails as before, and the
   * caller decides: try another replica, wait for the cluster, or check what the cluster did.
   */
  @Override
  protected NamedList<Object> doRequest(String url, SolrRequest<?> request, String collection)
      throws SolrServerException, IOException {
    try {
      return super.doRequest(url, request, collection);
    } catch (IOException e) {
      if (!Resends.connectionLost(e) || !Resends.repeatable(request)) {
        throw e;
      }
      log.info("SolrCloud: the connection to {} failed before an answer ({}); sending the {} request again",
          url, e.getMessage(), request.getPath());
      return super.doRequest(url, request, collection);
    }
  }

  @Override
  public void close() {
    for (HttpJdkSolrClient c : clients.values()) {
      try {
        c.close();
      } catch (IOException | RuntimeException e) {
        // closing: nothing left to do with a client that fails to close
      }
    }
    executor.shutdownNow();
    super.close();
  }
}

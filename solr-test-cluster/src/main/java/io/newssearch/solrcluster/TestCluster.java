package io.newssearch.solrcluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A real SolrCloud cluster in this JVM: embedded ZooKeeper and N Solr nodes (Jetty), from Solr's
 * {@link MiniSolrCloudCluster}. It knows nothing of newssearch; clients create collections and
 * upload configsets over the usual APIs.
 *
 * <p>It speaks a line protocol, so a test in another JVM can drive it:
 *
 * <pre>
 * out: ZK 127.0.0.1:40035/solr          the ZooKeeper address clients connect to
 * out: NODE 0 http://127.0.0.1:41234/solr  one line per node
 * out: READY
 * in:  stop N      → out: STOPPED N      (a clean stop: the node leaves live_nodes)
 * in:  start N     → out: STARTED N url  (same port, same data: its replicas recover)
 * in:  quit, or end of input → the cluster shuts down and the process exits
 * </pre>
 *
 * Errors are answered {@code ERROR message}. Usage: {@code java -jar solr-test-cluster.jar
 * [--nodes N] [--dir DIR] [--idle-timeout MS] [--no-commands]}; without {@code --dir} the data
 * lives in a temporary folder removed on exit; {@code --idle-timeout} is how long a node keeps an
 * idle HTTP connection open (Solr's test default is 260 s; a short one lets a test make a client's
 * pooled connections go stale quickly); with {@code --no-commands} it reads no input and runs until
 * killed.
 */
public final class TestCluster {

  public static void main(String[] args) throws Exception {
    int nodes = 2;
    Path dir = null;
    boolean commands = true;
    long idleTimeoutMs = -1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--nodes" -> nodes = Integer.parseInt(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        case "--idle-timeout" -> idleTimeoutMs = Long.parseLong(args[++i]);
        case "--no-commands" -> commands = false;
        default -> {
          System.err.println("usage: java -jar solr-test-cluster.jar [--nodes N] [--dir DIR] [--idle-timeout MS] [--no-commands]");
          System.exit(2);
        }
      }
    }
    boolean temporary = dir == null;
    Path base = temporary ? Files.createTempDirectory("newssearch-solr-") : Files.createDirectories(dir);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    // A search's requests to the other nodes give up after 20 s, not the default solr.xml's 90: a
    // node being stopped waits for its requests in flight, and one waiting on a node that is going
    // away held a stop past the tests' 120 s wait (SolrFaultToleranceTest, once in 15 CI runs).
    System.setProperty("socketTimeout", System.getProperty("socketTimeout", "20000"));
    long start = System.nanoTime();
    MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(nodes, base).build();
    List<JettySolrRunner> byNumber = new ArrayList<>(cluster.getJettySolrRunners());
    if (idleTimeoutMs > 0) {
      for (JettySolrRunner node : byNumber) {
        NodeIdleTimeout.set(node, idleTimeoutMs);
      }
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(cluster, base, temporary), "cluster-shutdown"));

    out.println("ZK " + cluster.getZkServer().getZkAddress());
    for (int i = 0; i < byNumber.size(); i++) {
      out.println("NODE " + i + " " + byNumber.get(i).getBaseUrl());
    }
    out.println("READY in " + (System.nanoTime() - start) / 1_000_000 + " ms, data in " + base);

    if (!commands) {
      Thread.currentThread().join(); // until killed; the shutdown hook stops the cluster
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null && !line.strip().equals("quit"); line = in.readLine()) {
      String[] cmd = line.strip().split("\\s+");
      try {
        if (cmd.length == 2 && cmd[0].equals("stop")) {
          int n = Integer.parseInt(cmd[1]);
          cluster.stopJettySolrRunner(byNumber.get(n));
          out.println("STOPPED " + n);
        } else if (cmd.length == 2 && cmd[0].equals("start")) {
          int n = Integer.parseInt(cmd[1]);
          JettySolrRunner node = cluster.startJettySolrRunner(byNumber.get(n), true);
          out.println("STARTED " + n + " " + node.getBaseUrl());
        } else if (!line.isBlank()) {
          out.println("ERROR unknown command '" + line.strip() + "'; commands: stop N, start N, quit");
        }
      } catch (Exception e) {
        out.println("ERROR " + e.toString().replace('\n', ' '));
      }
    }
    System.exit(0); // runs the shutdown hook
  }

  private static void shutdown(MiniSolrCloudCluster cluster, Path base, boolean temporary) {
    try {
      cluster.shutdown();
    } catch (Exception e) {
      System.err.println("cluster shutdown: " + e);
    }
    if (temporary) {
      try (Stream<Path> files = Files.walk(base)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        System.err.println("could not remove " + base + ": " + e);
      }
    }
  }
}

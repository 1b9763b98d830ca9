package io.newssearch.solr;

import io.newssearch.search.SearchLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SolrCloud cluster for tests: {@code solr-test-cluster.jar} (Solr's MiniSolrCloudCluster:
 * embedded ZooKeeper and Solr nodes) started in a child JVM, driven over its line protocol (see
 * {@code io.newssearch.solrcluster.TestCluster}). A separate JVM because Solr 9 runs on Lucene 9
 * and this project on Lucene 10.
 *
 * <p>{@link #shared()} is one 2-node cluster for every test of this JVM, stopped when the JVM
 * exits; tests that stop nodes {@link #start} a cluster of their own.
 */
public final class SolrTestCluster implements AutoCloseable {

  /**
   * Search limits for engines whose answers tests check whole. The production time budget (2 s) is
   * a latency guard, and a test machine starved of CPU (other builds running beside this one) goes
   * past it; Solr then answers with what it had collected, often nothing, flagged timed out. The
   * budget itself is tested on its own, with one meant to run out.
   */
  public static final SearchLimits LIMITS = SearchLimits.DEFAULTS.withTimeBudget(Duration.ofMinutes(1));

  /** The jar the main pom builds before the tests (system property set by surefire). */
  static final String JAR_PROPERTY = "newssearch.solr.cluster.jar";
  private static final AtomicInteger STARTED = new AtomicInteger();
  private static SolrTestCluster shared;

  private final Process process;
  private final PrintStream commands;
  private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
  private final String zk;
  private final List<String> nodes = new ArrayList<>();
  private final Path log;

  private SolrTestCluster(int nodeCount, Duration idleTimeout) throws IOException, InterruptedException {
    Path jar = jar();
    int n = STARTED.incrementAndGet();
    log = jar.getParent().resolve("cluster-" + ProcessHandle.current().pid() + "-" + n + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-Djava.security.egd=file:/dev/./urandom",
        "-jar", jar.toString(), "--nodes", Integer.toString(nodeCount)));
    if (idleTimeout != null) {
      command.addAll(List.of("--idle-timeout", Long.toString(idleTimeout.toMillis())));
    }
    process = new ProcessBuilder(command)
        .redirectError(log.toFile())
        .start();
    commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          replies.add(line);
        }
      } catch (IOException e) {
        replies.add("ERROR " + e);
      }
      replies.add("EXITED");
    }, "solr-test-cluster-" + n);
    reader.setDaemon(true);
    reader.start();

    String zkAddress = null;
    for (String line = next(180); !line.startsWith("READY"); line = next(180)) {
      if (line.startsWith("ZK ")) {
        zkAddress = line.substring(3);
      } else if (line.startsWith("NODE ")) {
        nodes.add(line.split(" ")[2]);
      } else if (line.equals("EXITED") || line.startsWith("ERROR")) {
        throw new IllegalStateException("the Solr test cluster did not start (" + line + "); its log: " + log);
      }
    }
    zk = zkAddress;
  }

  /** The cluster every test of this JVM shares: 2 nodes, never stopped by a test. */
  public static synchronized SolrTestCluster shared() throws IOException, InterruptedException {
    if (shared == null) {
      shared = new SolrTestCluster(2, null);
      SolrTestCluster c = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(c::close, "solr-test-cluster-stop"));
    }
    return shared;
  }

  /** A cluster of the caller's own, for tests that stop and start nodes; close it. */
  public static SolrTestCluster start(int nodes) throws IOException, InterruptedException {
    return new SolrTestCluster(nodes, null);
  }

  /**
   * A cluster of the caller's own whose nodes close a connection idle for {@code idleTimeout}
   * (Solr's test default: 260 s), for tests of what a client does with pooled connections a node
   * has closed; close it.
   */
  public static SolrTestCluster start(int nodes, Duration idleTimeout) throws IOException, InterruptedException {
    return new SolrTestCluster(nodes, idleTimeout);
  }

  /** {@code host:port/solr}: what {@code --zk} takes. */
  public String zk() {
    return zk;
  }

  /** Base URLs of the nodes, {@code http://127.0.0.1:port/solr}, by node number. */
  public List<String> nodes() {
    return List.copyOf(nodes);
  }

  /** Stops node {@code n} cleanly (it leaves live_nodes); its data stays for {@link #startNode}. */
  public void stopNode(int n) throws InterruptedException {
    command("stop " + n, "STOPPED " + n);
  }

  /** Starts a stopped node again on its port and data; its replicas then recover. */
  public void startNode(int n) throws InterruptedException {
    command("start " + n, "STARTED " + n);
  }

  private void command(String command, String expected) throws InterruptedException {
    commands.println(command);
    String reply = next(120);
    if (!reply.startsWith(expected)) {
      throw new IllegalStateException("'" + command + "' answered '" + reply + "'; cluster log: " + log);
    }
  }

  private String next(int seconds) throws InterruptedException {
    String line = replies.poll(seconds, TimeUnit.SECONDS);
    if (line == null) {
      throw new IllegalStateException("the Solr test cluster said nothing for " + seconds + " s; its log: " + log);
    }
    return line;
  }

  @Override
  public void close() {
    commands.println("quit");
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static Path jar() {
    String configured = System.getProperty(JAR_PROPERTY);
    Path jar = configured != null ? Path.of(configured) : Path.of("solr-test-cluster", "target", "solr-test-cluster.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("The SolrCloud test cluster is not built (" + jar.toAbsolutePath()
          + " is missing). bin/test and 'mvn verify' build it; by hand: mvn -f solr-test-cluster/pom.xml package");
    }
    return jar;
  }
}

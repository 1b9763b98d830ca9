package io.newssearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.util.JavaBinCodec;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.Test;

/**
 * What the load balancer does when a node closes a connection after the request went out and
 * before any answer: a node that does this on demand (a small HTTP/1.1 server here, since a real
 * node only does it by chance: its idle timeout expiring just as a request arrives) stands in
 * for Solr.
 */
class JdkLoadBalancerTest {

  @Test
  void a_search_whose_connection_closed_before_the_answer_is_sent_again_on_a_new_connection() throws Exception {
    try (Node node = new Node(1); JdkLoadBalancer lb = new JdkLoadBalancer()) {
      QueryRequest search = new QueryRequest(new SolrQuery("*:*"), SolrRequest.METHOD.POST);
      QueryResponse response = new QueryResponse(lb.doRequest(node.url(), search, "articles"), null);
      assertEquals(Node.FOUND, response.getResults().getNumFound(), "the answer to the second copy");
      assertEquals(List.of("POST /articles/select", "POST /articles/select"), node.requests());
      assertEquals(2, node.connections.get(), "the second copy went out on a new connection");
    }
  }

  @Test
  void a_write_by_key_is_sent_again_whole() throws Exception {
    try (Node node = new Node(1); JdkLoadBalancer lb = new JdkLoadBalancer()) {
      UpdateRequest write = new UpdateRequest();
      for (int i = 0; i < 50; i++) {
        SolrInputDocument doc = new SolrInputDocument();
        doc.setField("key", "k" + i);
        doc.setField("body", "text ".repeat(200));
        write.add(doc);
      }
      lb.doRequest(node.url(), write, "articles");
      assertEquals(List.of("POST /articles/update", "POST /articles/update"), node.requests());
      assertEquals(node.bodyLengths.get(0), node.bodyLengths.get(1), "both copies carry the whole batch");
    }
  }

  @Test
  void a_collection_create_is_not_sent_again_blindly() throws Exception {
    try (Node node = new Node(1); JdkLoadBalancer lb = new JdkLoadBalancer()) {
      CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection("c", "conf", 1, 1);
      create.setMethod(SolrRequest.METHOD.POST);
      assertThrows(IOException.class, () -> lb.doRequest(node.url(), create, null));
      assertEquals(List.of("POST /admin/collections"), node.requests(), "sent once; SolrAdminCalls checks what the cluster did");
    }
  }

  @Test
  void reads_and_writes_by_key_may_be_sent_twice_conditional_writes_and_cluster_changes_may_not() {
    assertTrue(Resends.repeatable(new QueryRequest(new SolrQuery("*:*"))));
    assertTrue(Resends.repeatable(new UpdateRequest().add(doc("key", "a")).deleteById("b")));
    assertTrue(Resends.repeatable(new CollectionAdminRequest.List()));
    assertTrue(Resends.repeatable(new ConfigSetAdminRequest.List()));

    assertFalse(Resends.repeatable(new UpdateRequest().add(doc("count", Map.of("inc", 1)))), "an atomic update");
    assertFalse(Resends.repeatable(new UpdateRequest().add(doc("_version_", 7L))), "optimistic concurrency");
    assertFalse(Resends.repeatable(new UpdateRequest().deleteById("a", 7L)), "a delete of one version");
    assertFalse(Resends.repeatable(CollectionAdminRequest.createCollection("c", "conf", 1, 1)));
    assertFalse(Resends.repeatable(CollectionAdminRequest.createAlias("a", "c")));
    assertFalse(Resends.repeatable(CollectionAdminRequest.deleteCollection("c")));
  }

  private static SolrInputDocument doc(String field, Object value) {
    SolrInputDocument d = new SolrInputDocument();
    d.setField("key", "k");
    d.setField(field, value);
    return d;
  }

  /**
   * A node speaking HTTP/1.1 that reads the first {@code drop} requests whole and then closes
   * their connection without an answer; later ones get a javabin answer (a search finds
   * {@link #FOUND} documents).
   */
  private static final class Node implements AutoCloseable {
    static final long FOUND = 7;

    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final AtomicInteger toDrop;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    final List<Integer> bodyLengths = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();

    Node(int drop) throws IOException {
      toDrop = new AtomicInteger(drop);
      Thread accept = new Thread(this::accept, "fake-solr-node");
      accept.setDaemon(true);
      accept.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getLocalPort() + "/solr";
    }

    List<String> requests() {
      return List.copyOf(requests);
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          connections.incrementAndGet();
          Thread t = new Thread(() -> serve(s), "fake-solr-connection");
          t.setDaemon(true);
          t.start();
        } catch (IOException e) {
          return; // closed
        }
      }
    }

    private void serve(Socket socket) {
      try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
        while (true) {
          String requestLine = line(in);
          if (requestLine == null) {
            return;
          }
          int length = -1;
          boolean chunked = false;
          for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
              length = Integer.parseInt(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
              chunked = true;
            }
          }
          bodyLengths.add(chunked ? chunkedBody(in) : length < 0 ? 0 : (int) in.readNBytes(length).length);
          String[] parts = requestLine.split(" ");
          requests.add(parts[0] + " " + parts[1].replaceFirst("^/solr", "").replaceFirst("\\?.*", ""));
          if (toDrop.getAndDecrement() > 0) {
            return; // the whole request read, no answer: the connection closes
          }
          byte[] body = answer(parts[1].contains("/select"));
          out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + body.length
              + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
          out.write(body);
          out.flush();
        }
      } catch (IOException e) {
        // the client went away
      }
    }

    private static byte[] answer(boolean search) throws IOException {
      NamedList<Object> header = new NamedList<>();
      header.add("status", 0);
      header.add("QTime", 0);
      NamedList<Object> answer = new NamedList<>();
      answer.add("responseHeader", header);
      if (search) {
        SolrDocumentList docs = new SolrDocumentList();
        docs.setNumFound(FOUND);
        docs.setStart(0);
        answer.add("response", docs);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (JavaBinCodec codec = new JavaBinCodec()) {
        codec.marshal(answer, bytes);
      }
      return bytes.toByteArray();
    }

    private static int chunkedBody(InputStream in) throws IOException {
      int total = 0;
      for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
        total += in.readNBytes(size).length;
        line(in); // the CRLF after the chunk
      }
      line(in); // the empty line after the last chunk
      return total;
    }

    /** A line without its CRLF; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
        }
        if (c != '\r') {
          b.write(c);
        }
      }
      return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}

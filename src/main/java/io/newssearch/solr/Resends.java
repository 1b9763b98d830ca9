package io.newssearch.solr;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.CoreAdminRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.SolrInputField;

/**
 * When a request whose connection failed may be sent again without asking the cluster first:
 * the failure happened before any answer, and a second copy cannot change the outcome even if
 * the first one was carried out. {@link JdkLoadBalancer} resends those; the Collections API calls
 * that change the cluster are not among them, and {@code SolrAdminCalls} checks what the cluster
 * did before sending one again.
 */
final class Resends {

  /** Admin actions that only read (Collections API, configsets, cores). */
  private static final Set<String> READ_ACTIONS = Set.of(
      "LIST", "CLUSTERSTATUS", "COLSTATUS", "LISTALIASES", "REQUESTSTATUS", "OVERSEERSTATUS", "STATUS");

  private Resends() {}

  /**
   * A connection that broke before the answer: closed by the node (idle timeout, restart), reset,
   * or rejected. Not a connection that could not be made (the node is down: the load balancer
   * moves on to another replica), nor an answer that was slow to come (the node may still be
   * working on it).
   */
  static boolean connectionLost(IOException e) {
    return !(e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof HttpTimeoutException
        || e instanceof InterruptedIOException);
  }

  /** Reads; and writes that leave the same documents however many times they arrive. */
  static boolean repeatable(SolrRequest<?> request) {
    if (request instanceof QueryRequest) {
      return true;
    }
    if (request instanceof UpdateRequest update) {
      return idempotent(update);
    }
    if (request instanceof CollectionAdminRequest || request instanceof ConfigSetAdminRequest
        || request instanceof CoreAdminRequest) {
      String action = request.getParams() == null ? null : request.getParams().get("action");
      return action != null && READ_ACTIONS.contains(action.toUpperCase(Locale.ROOT));
    }
    return false;
  }

  /**
   * Adds of whole documents (replaced by key), deletes by key or query, commits. Not: documents
   * given as an iterator (used up by the first send), atomic updates (a second "inc" counts
   * twice), or anything conditional on {@code _version_} (the second copy fails as a conflict).
   */
  private static boolean idempotent(UpdateRequest update) {
    if (update.getDocIterator() != null) {
      return false;
    }
    for (SolrInputDocument doc : documents(update)) {
      for (SolrInputField field : doc) {
        if (field.getName().equals("_version_") || field.getValue() instanceof Map) {
          return false;
        }
      }
    }
    Map<String, Map<String, Object>> deletes = update.getDeleteByIdMap();
    if (deletes != null) {
      for (Map<String, Object> params : deletes.values()) {
        if (params != null && params.containsKey(UpdateRequest.VER)) {
          return false;
        }
      }
    }
    return true;
  }

  private static Collection<SolrInputDocument> documents(UpdateRequest update) {
    List<SolrInputDocument> docs = update.getDocuments();
    return docs == null ? List.of() : docs;
  }
}

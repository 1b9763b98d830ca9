package io.newssearch.solr;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.util.NamedList;

/**
 * Every search and write goes through here, so a Solr failure always surfaces as an
 * {@link IOException} that says what was being done (the HTTP layer turns it into a 5xx with a
 * request id; the CLI prints it), never as SolrJ's unchecked exceptions.
 *
 * <p>Failures a cluster recovers from by itself are retried with a growing pause, about 20 s in
 * all: a node that just went down (its replicas are still listed for a moment), a shard between
 * leaders (503 until a replica takes over). Every request here is safe to repeat: reads, and
 * writes that are upserts and deletes by key. A 4xx is the request's own fault and is not retried.
 * (A connection that broke before the answer needs no pause: {@link JdkLoadBalancer} has already
 * sent the request again on a new one before a failure gets here.)
 */
final class SolrRequests {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SolrRequests.class);
  /**
   * Pauses before each retry, in milliseconds. Writes wait out a leader election (about 20 s in
   * all); a search gives up sooner (about 4 s), as a reader would, with a 503.
   */
  private static final long[] WRITE_BACKOFF_MS = {100, 250, 500, 1_000, 2_000, 4_000, 4_000, 8_000};
  private static final long[] READ_BACKOFF_MS = {100, 250, 500, 1_000, 2_000};

  private SolrRequests() {}

  @FunctionalInterface
  private interface Call<T> {
    T run() throws SolrServerException, IOException;
  }

  static QueryResponse query(SolrCloudClient client, String collection, SolrQuery q) throws IOException {
    if (log.isDebugEnabled()) {
      log.debug("{}: {}", collection, q.jsonStr());
    }
    return withRetries("search " + collection, READ_BACKOFF_MS, () -> client.query(collection, q, SolrRequest.METHOD.POST));
  }

  static NamedList<Object> process(SolrCloudClient client, String collection, SolrRequest<?> request, String what)
      throws IOException {
    return withRetries(what, WRITE_BACKOFF_MS, () -> client.request(request, collection));
  }

  /** Real-time get: the latest version of each key, committed or not. */
  static List<SolrDocument> getById(SolrCloudClient client, String collection, Collection<String> keys) throws IOException {
    return withRetries("read " + keys.size() + " articles from " + collection, WRITE_BACKOFF_MS,
        () -> client.getById(collection, keys));
  }

  private static <T> T withRetries(String what, long[] backoffMs, Call<T> call) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        return call.run();
      } catch (SolrServerException | IOException | RuntimeException e) {
        if (!retryable(e)) {
          throw failure(what, e);
        }
        if (attempt >= backoffMs.length) {
          throw new io.newssearch.search.BackendUnavailableException(
              "SolrCloud: cannot " + what + " after " + (attempt + 1) + " tries: " + e.getMessage(), e);
        }
        log.warn("SolrCloud: {} failed ({}); retrying in {} ms", what, e.getMessage(), backoffMs[attempt]);
        try {
          Thread.sleep(backoffMs[attempt]);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw failure(what, e);
        }
      }
    }
  }

  /** Transport failures and 5xx answers; never a 4xx (the request itself is wrong). */
  static boolean retryable(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.apache.solr.common.SolrException se && se.code() >= 400 && se.code() < 500) {
        return false;
      }
    }
    return true;
  }

  /** The HTTP status Solr answered with, or 0 when there was no answer (a transport failure). */
  static int status(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.apache.solr.common.SolrException se) {
        return se.code();
      }
    }
    return 0;
  }

  /**
   * @param soft true: a soft commit (visible, not yet fsynced; autoCommit makes it durable); false:
   *     a hard commit. Either way it waits until a searcher sees the writes.
   */
  static void commit(SolrCloudClient client, String collection, boolean soft) throws IOException {
    UpdateRequest req = new UpdateRequest();
    req.setAction(UpdateRequest.ACTION.COMMIT, true, true, soft);
    process(client, collection, req, (soft ? "soft-" : "") + "commit " + collection);
  }

  static IOException failure(String what, Exception e) {
    return new IOException("SolrCloud: cannot " + what + ": " + e.getMessage(), e);
  }
}

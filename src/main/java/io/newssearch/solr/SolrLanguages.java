package io.newssearch.solr;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.util.NamedList;

/**
 * The languages the live collection holds, whose title and body fields a search without a language
 * filter covers. Read with a facet and kept for {@link #TTL_MS}; a write through this process
 * clears it, so an article in a new language is found as soon as its write returns. (A write from
 * another process, say an {@code index} run, is found within the TTL.)
 */
final class SolrLanguages {

  static final long TTL_MS = 2_000;

  private final SolrCloudClient client;
  private final SolrCollections collections;
  private volatile Set<String> cached;
  private volatile long readAt;

  SolrLanguages(SolrCloudClient client, SolrCollections collections) {
    this.client = client;
    this.collections = collections;
  }

  Set<String> present() throws IOException {
    Set<String> c = cached;
    if (c != null && System.currentTimeMillis() - readAt < TTL_MS) {
      return c;
    }
    Set<String> read = read();
    cached = read;
    readAt = System.currentTimeMillis();
    return read;
  }

  void invalidate() {
    cached = null;
  }

  private Set<String> read() throws IOException {
    Optional<String> live = collections.live();
    Set<String> out = new LinkedHashSet<>();
    if (live.isEmpty()) {
      return out;
    }
    SolrQuery q = new SolrQuery("*:*").setRows(0);
    q.set("json.facet", "{\"l\":{\"type\":\"terms\",\"field\":\"" + SolrFields.LANGUAGE + "\",\"limit\":-1}}");
    NamedList<?> facets = (NamedList<?>) SolrRequests.query(client, live.get(), q).getResponse().get("facets");
    NamedList<?> l = facets == null ? null : (NamedList<?>) facets.get("l");
    if (l != null && l.get("buckets") instanceof List<?> buckets) {
      for (Object b : buckets) {
        out.add(String.valueOf(((NamedList<?>) b).get("val")));
      }
    }
    return out;
  }
}

package io.newssearch.solr;

import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.util.NamedList;

/**
 * What a search needs to know of the whole live collection: the languages it holds (their title
 * and body fields are what a search without a language filter covers) and the span of its
 * publication dates (the date histogram's months are counted within it, in the search's own
 * request). Read with one facet request and kept for {@link #TTL_MS}; a write through this process
 * clears it, so an article in a new language or beyond the span is found as soon as its write
 * returns. (A write from another process, say an {@code index} run, is seen within the TTL.)
 */
final class SolrCollectionFacts {

  static final long TTL_MS = 2_000;

  /** The languages, and the first and last publication date (null when nothing is dated). */
  record Facts(Set<String> languages, Instant oldest, Instant newest) {
    static final Facts EMPTY = new Facts(Set.of(), null, null);
  }

  private final SolrCloudClient client;
  private final SolrCollections collections;
  private volatile Facts cached;
  private volatile long readAt;

  SolrCollectionFacts(SolrCloudClient client, SolrCollections collections) {
    this.client = client;
    this.collections = collections;
  }

  Facts get() throws IOException {
    Facts c = cached;
    if (c != null && System.currentTimeMillis() - readAt < TTL_MS) {
      return c;
    }
    Facts read = read();
    cached = read;
    readAt = System.currentTimeMillis();
    return read;
  }

  Set<String> languages() throws IOException {
    return get().languages();
  }

  void invalidate() {
    cached = null;
  }

  private Facts read() throws IOException {
    Optional<String> live = collections.live();
    if (live.isEmpty()) {
      return Facts.EMPTY;
    }
    SolrQuery q = SolrQueries.unscored("*:*").setRows(0);
    q.set("json.facet", "{\"l\":{\"type\":\"terms\",\"field\":\"" + SolrFields.LANGUAGE + "\",\"limit\":-1},"
        + "\"lo\":\"min(" + SolrFields.PUBLISHED + ")\",\"hi\":\"max(" + SolrFields.PUBLISHED + ")\"}");
    NamedList<?> facets = (NamedList<?>) SolrRequests.query(client, live.get(), q).getResponse().get("facets");
    Set<String> languages = new LinkedHashSet<>();
    NamedList<?> l = facets == null ? null : (NamedList<?>) facets.get("l");
    if (l != null && l.get("buckets") instanceof List<?> buckets) {
      for (Object b : buckets) {
        languages.add(String.valueOf(((NamedList<?>) b).get("val")));
      }
    }
    Instant oldest = facets != null && facets.get("lo") instanceof Date d ? d.toInstant() : null;
    Instant newest = facets != null && facets.get("hi") instanceof Date d ? d.toInstant() : null;
    return new Facts(languages, oldest, newest);
  }
}

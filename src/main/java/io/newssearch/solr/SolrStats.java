package io.newssearch.solr;

import io.newssearch.search.IndexStats;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CoreAdminRequest;
import org.apache.solr.client.solrj.response.CoreAdminResponse;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.common.util.NamedList;

/**
 * {@link IndexStats} of the live collection: counts and the date span from one faceted query; size
 * on disk, segments and the last commit from the core status of each shard's leader (one copy of
 * each shard, replicas not counted, as the embedded index counts its one copy).
 */
final class SolrStats {

  private SolrStats() {}

  static IndexStats read(SolrCloudClient client, SolrCollections collections) throws IOException {
    Optional<String> live = collections.live();
    if (live.isEmpty()) {
      return new IndexStats(0, Map.of(), Map.of(), null, null, 0, 0, null);
    }
    SolrQuery q = SolrQueries.unscored("*:*").setRows(0);
    q.set("json.facet", "{\"language\":{\"type\":\"terms\",\"field\":\"" + SolrFields.LANGUAGE + "\",\"limit\":-1},"
        + "\"source\":{\"type\":\"terms\",\"field\":\"" + SolrFields.SOURCE_KEYWORD + "\",\"limit\":-1},"
        + "\"oldest\":\"min(" + SolrFields.PUBLISHED + ")\",\"newest\":\"max(" + SolrFields.PUBLISHED + ")\"}");
    var resp = SolrRequests.query(client, live.get(), q);
    NamedList<?> facets = (NamedList<?>) resp.getResponse().get("facets");
    long size = 0;
    int segments = 0;
    Instant lastCommit = null;
    DocCollection c = client.getClusterStateProvider().getCollection(live.get());
    for (Slice slice : c == null ? List.<Slice>of() : c.getActiveSlices()) {
      Replica leader = slice.getLeader();
      if (leader == null) {
        continue;
      }
      NamedList<?> index = coreIndex(client, leader);
      if (index != null) {
        size += index.get("sizeInBytes") instanceof Number n ? n.longValue() : 0;
        segments += index.get("segmentCount") instanceof Number n ? n.intValue() : 0;
        if (index.get("lastModified") instanceof Date d && (lastCommit == null || d.toInstant().isAfter(lastCommit))) {
          lastCommit = d.toInstant();
        }
      }
    }
    return new IndexStats(resp.getResults().getNumFound(), counts(facets, "language"), counts(facets, "source"),
        instant(facets, "oldest"), instant(facets, "newest"), size, segments, lastCommit);
  }

  private static NamedList<?> coreIndex(SolrCloudClient client, Replica leader) throws IOException {
    CoreAdminRequest status = new CoreAdminRequest();
    status.setAction(org.apache.solr.common.params.CoreAdminParams.CoreAdminAction.STATUS);
    status.setCoreName(leader.getCoreName());
    status.setIndexInfoNeeded(true);
    try {
      CoreAdminResponse response = new CoreAdminResponse();
      response.setResponse(client.requestTo(leader.getBaseUrl(), status));
      var core = response.getCoreStatus(leader.getCoreName());
      return core == null ? null : (NamedList<?>) core.get("index");
    } catch (SolrServerException | RuntimeException e) {
      throw SolrRequests.failure("read the status of " + leader.getCoreName(), e);
    }
  }

  /** Counts by value, largest first (the facet's order). */
  private static Map<String, Long> counts(NamedList<?> facets, String name) {
    Map<String, Long> out = new LinkedHashMap<>();
    NamedList<?> f = facets == null ? null : (NamedList<?>) facets.get(name);
    if (f != null && f.get("buckets") instanceof List<?> buckets) {
      for (Object b : buckets) {
        NamedList<?> bucket = (NamedList<?>) b;
        out.put(String.valueOf(bucket.get("val")), ((Number) bucket.get("count")).longValue());
      }
    }
    return out;
  }

  private static Instant instant(NamedList<?> facets, String name) {
    return facets != null && facets.get(name) instanceof Date d ? d.toInstant() : null;
  }
}

package io.newssearch.solr;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.TermsResponse;

/** Term statistics of a collection, summed over its shards: what MoreLikeThis reads from an index reader. */
final class SolrTerms {

  private SolrTerms() {}

  /** Documents containing each of the terms in the field (terms that are in none are left out). */
  static Map<String, Long> docFreqs(SolrCloudClient client, String collection, String field, Collection<String> terms)
      throws IOException {
    SolrQuery q = new SolrQuery();
    q.setRequestHandler("/terms");
    q.set("terms", true);
    q.set("terms.fl", field);
    // the list is split on commas; a backslash escapes one inside a term ("1,000")
    q.set("terms.list", terms.stream().map(t -> t.replace("\\", "\\\\").replace(",", "\\,")).collect(Collectors.joining(",")));
    q.set("terms.limit", terms.size());
    TermsResponse resp = SolrRequests.query(client, collection, q).getTermsResponse();
    Map<String, Long> out = new HashMap<>();
    List<TermsResponse.Term> found = resp == null ? null : resp.getTerms(field);
    if (found != null) {
      for (TermsResponse.Term t : found) {
        out.put(t.getTerm(), t.getFrequency());
      }
    }
    return out;
  }

  /** Documents with any term in the field. */
  static long docCount(SolrCloudClient client, String collection, String field) throws IOException {
    SolrQuery q = SolrQueries.unscored(field + ":*").setRows(0);
    return SolrRequests.query(client, collection, q).getResults().getNumFound();
  }
}

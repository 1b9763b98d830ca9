package io.newssearch.solr;

import io.newssearch.story.Signature;
import io.newssearch.story.StoryCandidates;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;

/** Story candidates from a collection: the documents carrying any of the band keys, in one request. */
final class SolrStoryCandidates implements StoryCandidates {

  private final SolrCloudClient client;
  private final String collection;

  SolrStoryCandidates(SolrCloudClient client, String collection) {
    this.client = client;
    this.collection = collection;
  }

  @Override
  public List<Candidate> candidates(List<String> keys) throws IOException {
    SolrQuery q = SolrQueries.unscored("*:*")
        .addFilterQuery(SolrQueries.terms(SolrFields.STORY_BANDS, keys))
        .setFields(SolrFields.ID, SolrFields.STORY, SolrFields.STORY_SIGNATURE, SolrFields.PUBLISHED)
        .setRows(MAX_CANDIDATES);
    List<Candidate> out = new ArrayList<>();
    for (SolrDocument d : SolrRequests.query(client, collection, q).getResults()) {
      Signature sig = SolrDocuments.signature(d);
      if (sig != null) {
        String id = (String) d.getFirstValue(SolrFields.ID);
        Object story = d.getFirstValue(SolrFields.STORY);
        var published = SolrDocuments.published(d);
        out.add(new Candidate(id, story == null ? id : (String) story, sig,
            published == null ? null : published.toEpochMilli()));
      }
    }
    return out;
  }
}

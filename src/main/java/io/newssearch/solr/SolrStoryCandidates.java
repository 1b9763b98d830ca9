package io.newssearch.solr;

import io.newssearch.story.Bands;
import io.newssearch.story.Signature;
import io.newssearch.story.StoryCandidates;
import io.newssearch.story.StoryClusters;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
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
  public Set<String> linkedStories(String id, Signature signature, Long publishedMillis, Predicate<String> stale)
      throws IOException {
    SolrQuery q = SolrQueries.unscored("*:*")
        .addFilterQuery(SolrQueries.terms(SolrFields.STORY_BANDS, Bands.keys(signature)))
        .setFields(SolrFields.ID, SolrFields.STORY, SolrFields.STORY_SIGNATURE, SolrFields.PUBLISHED)
        .setRows(MAX_CANDIDATES);
    Set<String> linked = new LinkedHashSet<>();
    for (SolrDocument d : SolrRequests.query(client, collection, q).getResults()) {
      Signature other = SolrDocuments.signature(d);
      String otherId = (String) d.getFirstValue(SolrFields.ID);
      if (other == null || otherId.equals(id) || stale.test(otherId)) {
        continue;
      }
      var published = SolrDocuments.published(d);
      if (StoryClusters.sameStory(signature, publishedMillis, other, published == null ? null : published.toEpochMilli())) {
        Object story = d.getFirstValue(SolrFields.STORY);
        linked.add(story == null ? otherId : (String) story);
      }
    }
    return linked;
  }
}

package io.newssearch.solr;

import io.newssearch.search.StoryResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;

/** One story's versions, oldest first (undated last, then by id), from the one shard that holds them all. */
final class SolrStories {

  private SolrStories() {}

  static Optional<StoryResult> read(SolrCloudClient client, String collection, String story) throws IOException {
    SolrQuery q = SolrQueries.unscored("*:*")
        .addFilterQuery(SolrQueries.term(SolrFields.STORY, story))
        .setFields(SolrFields.ID, SolrFields.TITLE_PREFIX + "*", SolrFields.SOURCE_KEYWORD, SolrFields.URL,
            SolrFields.PUBLISHED, SolrFields.LANGUAGE)
        .setRows(StoryResult.MAX_VERSIONS);
    q.set("sort", SolrFields.PUBLISHED + " asc," + SolrFields.ID + " asc");
    // Every version's key starts with the story: route to its shard instead of asking them all.
    q.set("_route_", SolrDocuments.key(story, "") );
    SolrDocumentList docs = SolrRequests.query(client, collection, q).getResults();
    if (docs.isEmpty()) {
      return Optional.empty();
    }
    List<StoryResult.Version> versions = new ArrayList<>(docs.size());
    for (SolrDocument d : docs) {
      String lang = (String) d.getFirstValue(SolrFields.LANGUAGE);
      versions.add(new StoryResult.Version((String) d.getFirstValue(SolrFields.ID),
          SolrDocuments.title(d, lang), (String) d.getFirstValue(SolrFields.SOURCE_KEYWORD),
          (String) d.getFirstValue(SolrFields.URL), SolrDocuments.published(d), lang));
    }
    return Optional.of(new StoryResult(story, versions.size(), versions));
  }
}

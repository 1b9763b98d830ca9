package io.newssearch.solr;

import io.newssearch.search.Respelling;
import io.newssearch.search.SuggestRequest;
import io.newssearch.search.SuggestResult.Kind;
import io.newssearch.search.SuggestResult.Suggestion;
import io.newssearch.search.TypedCompletion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.SpellCheckResponse;
import org.apache.solr.common.util.NamedList;

/**
 * Completions and did-you-mean on SolrCloud.
 *
 * <p>Completions mean what they mean on the embedded backend's infix suggester: titles and tags in
 * which every typed word is a word and the last typed word starts a word, each distinct title or
 * tag weighted by how many articles carry it. Here the words and word prefixes are indexed fields
 * (the schema's {@code suggest_*}), the articles matching them are counted by a facet on the title
 * or tag as written, so the counts are live and exact across shards with nothing to rebuild. A tag
 * facet counts every tag of the matching articles, so tags are kept only if they match themselves.
 *
 * <p>Did-you-mean asks Solr's spell checker (the same DirectSpellChecker over the same unstemmed
 * field) for the words the index does not hold, and respells them as the embedded backend does.
 */
final class SolrSuggest {

  /** Tags read per request before keeping those that match: a few articles' worth of other tags. */
  private static final int TAG_CANDIDATES = 200;
  /** Spellings each shard proposes per word. */
  private static final int CANDIDATES_PER_SHARD = 5;

  private final SolrCloudClient client;

  SolrSuggest(SolrCloudClient client) {
    this.client = client;
  }

  List<Suggestion> complete(String collection, SuggestRequest r) throws IOException {
    TypedCompletion typed = TypedCompletion.of(r.query());
    if (typed.isEmpty()) {
      return List.of();
    }
    List<Counted> found = new ArrayList<>();
    found.addAll(count(collection, typed, SolrFields.SUGGEST_TITLE_WORD, SolrFields.SUGGEST_TITLE_PREFIX,
        SolrFields.SUGGEST_TITLE, r.size(), Kind.TITLE));
    for (Counted tag : count(collection, typed, SolrFields.SUGGEST_TAG_WORD, SolrFields.SUGGEST_TAG_PREFIX,
        SolrFields.TAGS_KEYWORD, TAG_CANDIDATES, Kind.TAG)) {
      if (typed.matches(tag.text())) {
        found.add(tag);
      }
    }
    found.sort(Comparator.comparingLong(Counted::count).reversed().thenComparing(Counted::text));
    List<Suggestion> out = new ArrayList<>();
    for (Counted c : found.subList(0, Math.min(r.size(), found.size()))) {
      out.add(new Suggestion(c.text(), typed.highlight(c.text()), c.kind()));
    }
    return out;
  }

  private record Counted(String text, long count, Kind kind) {}

  private List<Counted> count(String collection, TypedCompletion typed, String wordField, String prefixField,
      String valueField, int limit, Kind kind) throws IOException {
    SolrQuery q = SolrQueries.unscored("*:*").setRows(0);
    for (String w : typed.words()) {
      q.addFilterQuery(SolrQueries.term(wordField, w));
    }
    if (typed.prefix() != null) {
      q.addFilterQuery(SolrQueries.term(prefixField, typed.prefix()));
    }
    q.set("json.facet", "{\"v\":{\"type\":\"terms\",\"field\":\"" + valueField + "\",\"limit\":" + limit
        + ",\"refine\":true}}");
    NamedList<?> facets = (NamedList<?>) SolrRequests.query(client, collection, q).getResponse().get("facets");
    NamedList<?> v = facets == null ? null : (NamedList<?>) facets.get("v");
    List<Counted> out = new ArrayList<>();
    if (v != null && v.get("buckets") instanceof List<?> buckets) {
      for (Object b : buckets) {
        NamedList<?> bucket = (NamedList<?>) b;
        out.add(new Counted(String.valueOf(bucket.get("val")), ((Number) bucket.get("count")).longValue(), kind));
      }
    }
    return out;
  }

  /** The query respelled, or null when it is not plain words or the index knows no better spelling. */
  String correct(String collection, String query) throws IOException {
    List<String> words = Respelling.wordsToCorrect(query);
    if (words == null) {
      return null;
    }
    SolrQuery q = SolrQueries.unscored("*:*").setRows(0);
    q.set("spellcheck", true);
    q.set("spellcheck.q", String.join(" ", words));
    // Each shard proposes a few and the merge ranks them by edit distance over the whole collection:
    // with one per shard, a shard without the right word would put its own nearest word forward.
    q.set("spellcheck.count", CANDIDATES_PER_SHARD);
    q.set("spellcheck.onlyMorePopular", false);
    q.set("spellcheck.extendedResults", false);
    q.set("spellcheck.collate", false);
    SpellCheckResponse resp = SolrRequests.query(client, collection, q).getSpellCheckResponse();
    Map<String, String> best = new HashMap<>();
    if (resp != null) {
      for (SpellCheckResponse.Suggestion s : resp.getSuggestions()) {
        if (s.getAlternatives() != null && !s.getAlternatives().isEmpty()) {
          best.put(s.getToken(), s.getAlternatives().get(0));
        }
      }
    }
    return Respelling.respelled(words, best);
  }
}

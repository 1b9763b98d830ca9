package io.newssearch.solr;

import io.newssearch.search.RelatedRequest;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import io.newssearch.search.SearchResult.Hit;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;

/**
 * Related articles on SolrCloud, chosen as the embedded backend's Lucene MoreLikeThis chooses them:
 * the article's words (analysed here with the same chains the schema has), each scored tf × idf
 * with the collection's document frequencies (Solr's terms component, summed over shards), the 25
 * best as a query in which a related article must share 20% of them and at least two, in the
 * article's language, the article itself and exact copies of it left out.
 *
 * <p>Why not Solr's {@code {!mlt}}: in a cluster it picks the words on every shard from that
 * shard's own statistics and cannot ask for a share of them to match, so one common word would
 * make two stories related.
 */
final class SolrRelated {

  /** Candidates read beyond the asked number, to make up for exact copies dropped. */
  private static final int EXTRA = 10;
  private static final Analyzer TAG_WORDS = new StandardAnalyzer();

  private final SolrCloudClient client;
  private final LanguageAnalyzers analyzers;

  SolrRelated(SolrCloudClient client, LanguageAnalyzers analyzers) {
    this.client = client;
    this.analyzers = analyzers;
  }

  /** One chosen word: the field it counts in, and its score (tf × idf). */
  private record Word(String field, String term, float score) {}

  List<Hit> find(String collection, Article a, int size) throws IOException {
    Map<String, Map<String, Integer>> tf = new LinkedHashMap<>();
    tf.put(SolrFields.title(a.language()), frequencies(analyzers.forLanguage(a.language()), a.title()));
    tf.put(SolrFields.body(a.language()), frequencies(analyzers.forLanguage(a.language()), a.body()));
    Map<String, Integer> tags = new LinkedHashMap<>();
    for (String tag : a.tags()) {
      frequencies(TAG_WORDS, tag).forEach((k, v) -> tags.merge(k, v, Integer::sum));
    }
    tf.put("tags", tags);
    List<Word> words = choose(collection, tf);
    if (words.isEmpty()) {
      return List.of();
    }
    SolrQuery q = query(words, a);
    q.setFields(SolrHits.FIELDS + "," + SolrFields.BODY_PREFIX + "*");
    q.setRows(size + EXTRA);
    SolrQueries.highlight(q, List.of(a.language()));
    QueryResponse resp = SolrRequests.query(client, collection, q);
    List<SolrDocument> kept = new ArrayList<>();
    for (SolrDocument d : resp.getResults()) {
      if (kept.size() < size && !isCopy(d, a)) {
        kept.add(d);
      }
    }
    var docs = new org.apache.solr.common.SolrDocumentList();
    docs.addAll(kept);
    docs.setNumFound(kept.size());
    return SolrHits.read(docs, resp.getHighlighting(), null, null, null);
  }

  /** The best words as MoreLikeThis picks them: per field, score tf × idf, df at least 2, the top ones. */
  private List<Word> choose(String collection, Map<String, Map<String, Integer>> tf) throws IOException {
    List<Word> all = new ArrayList<>();
    for (var field : tf.entrySet()) {
      if (field.getValue().isEmpty()) {
        continue;
      }
      Map<String, Long> df = SolrTerms.docFreqs(client, collection, field.getKey(), field.getValue().keySet());
      long docCount = SolrTerms.docCount(client, collection, field.getKey());
      for (var w : field.getValue().entrySet()) {
        long d = df.getOrDefault(w.getKey(), 0L);
        if (d < RelatedRequest.MIN_DOC_FREQ) {
          continue;
        }
        // Lucene's ClassicSimilarity idf, as MoreLikeThis uses it.
        float idf = (float) (Math.log((docCount + 1) / (double) (d + 1)) + 1.0);
        all.add(new Word(field.getKey(), w.getKey(), w.getValue() * idf));
      }
    }
    all.sort(Comparator.comparingDouble((Word w) -> w.score()).reversed());
    return all.subList(0, Math.min(RelatedRequest.MAX_QUERY_TERMS, all.size()));
  }

  /** SHOULD clauses boosted by score / lowest score (as MoreLikeThis boosts), a minimum to match, the filters. */
  private static SolrQuery query(List<Word> words, Article a) {
    SolrQuery q = new SolrQuery();
    float lowest = words.get(words.size() - 1).score();
    StringBuilder bool = new StringBuilder("{!bool mm=" + RelatedRequest.minShared(words.size()));
    for (int i = 0; i < words.size(); i++) {
      Word w = words.get(i);
      q.set("w" + i, SolrQueries.term(w.field(), w.term()));
      q.set("c" + i, "{!boost b=" + (w.score() / lowest) + " v=$w" + i + "}");
      bool.append(" should=$c").append(i);
    }
    q.setQuery(bool.append('}').toString());
    q.addFilterQuery(SolrQueries.term(SolrFields.LANGUAGE, a.language()));
    q.addFilterQuery("-" + SolrQueries.exact(SolrFields.ID, a.id()));
    q.set("sort", "score desc," + SolrFields.ID + " asc");
    return q;
  }

  private static Map<String, Integer> frequencies(Analyzer analyzer, String text) throws IOException {
    Map<String, Integer> out = new LinkedHashMap<>();
    if (text == null) {
      return out;
    }
    try (TokenStream ts = analyzer.tokenStream("", new StringReader(text))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.merge(term.toString(), 1, Integer::sum);
      }
      ts.end();
    }
    return out;
  }

  private static boolean isCopy(SolrDocument d, Article a) {
    String lang = (String) d.getFirstValue(SolrFields.LANGUAGE);
    return Objects.equals(SolrDocuments.title(d, lang), a.title())
        && Objects.equals(d.getFirstValue(SolrFields.body(lang)), a.body());
  }
}

package io.newssearch.solr;

import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult.Highlight;
import io.newssearch.search.SearchResult.Hit;
import io.newssearch.search.SearchResult.ScoreExplanation;
import io.newssearch.search.SearchResult.SourceVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;

/**
 * Solr's result documents → {@link Hit}s, the shape every list of articles has: stored fields,
 * snippets, and for a collapsed story its other versions (the expand component's, oldest first).
 */
final class SolrHits {

  /** Stored fields a hit shows; {@code title_*} is the one title field the article's language fills. */
  static final String FIELDS = String.join(",", SolrFields.KEY, SolrFields.ID, SolrFields.URL, SolrFields.PUBLISHED,
      SolrFields.LANGUAGE, SolrFields.TAGS_KEYWORD, SolrFields.SOURCE_KEYWORD, SolrFields.STORY, "score",
      SolrFields.TITLE_PREFIX + "*");

  private SolrHits() {}

  /**
   * @param highlighting snippets by key and field, as Solr returns them
   * @param expanded other versions by story (collapsed searches), else null
   * @param explanations structured explanations by key (explain=true), else null
   */
  static List<Hit> read(SolrDocumentList docs, Map<String, Map<String, List<String>>> highlighting,
      Map<String, SolrDocumentList> expanded, Map<String, Object> explanations, SearchRequest r) {
    List<Hit> hits = new ArrayList<>(docs.size());
    for (SolrDocument d : docs) {
      String key = (String) d.getFirstValue(SolrFields.KEY);
      String language = (String) d.getFirstValue(SolrFields.LANGUAGE);
      String title = SolrDocuments.title(d, language);
      String story = (String) d.getFirstValue(SolrFields.STORY);
      float score = d.getFirstValue("score") instanceof Number n ? n.floatValue() : 0f;
      List<SourceVersion> sources = null;
      Integer sourcesCount = null;
      if (expanded != null) {
        SolrDocumentList others = expanded.get(story);
        sources = new ArrayList<>();
        if (others != null) {
          for (SolrDocument o : others) {
            sourcesAdd(sources, o);
          }
        }
        sourcesCount = others == null ? 0 : (int) others.getNumFound();
      }
      ScoreExplanation explanation = explanations == null ? null
          : SolrExplanations.summarise(explanations.get(key), r, SolrDocuments.published(d), score);
      hits.add(new Hit(
          (String) d.getFirstValue(SolrFields.ID),
          title,
          (String) d.getFirstValue(SolrFields.URL),
          SolrDocuments.published(d),
          language,
          SolrDocuments.strings(d, SolrFields.TAGS_KEYWORD),
          (String) d.getFirstValue(SolrFields.SOURCE_KEYWORD),
          score,
          highlight(highlighting == null ? null : highlighting.get(key), language, title),
          story,
          sources,
          sourcesCount,
          explanation));
    }
    return hits;
  }

  private static void sourcesAdd(List<SourceVersion> out, SolrDocument o) {
    out.add(new SourceVersion((String) o.getFirstValue(SolrFields.ID), (String) o.getFirstValue(SolrFields.SOURCE_KEYWORD),
        (String) o.getFirstValue(SolrFields.URL), SolrDocuments.published(o)));
  }

  /** Title whole, body passages; Solr's HTML encoder also escapes '/', which ours leaves as it is. */
  static Highlight highlight(Map<String, List<String>> fields, String language, String title) {
    String t = first(fields, SolrFields.title(language));
    String b = first(fields, SolrFields.body(language));
    return new Highlight(t != null ? t : escape(title), b);
  }

  private static String first(Map<String, List<String>> fields, String field) {
    List<String> snippets = fields == null ? null : fields.get(field);
    return snippets == null || snippets.isEmpty() ? null : snippets.get(0).replace("&#x2F;", "/");
  }

  private static String escape(String s) {
    return s == null ? null : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#x27;");
  }
}

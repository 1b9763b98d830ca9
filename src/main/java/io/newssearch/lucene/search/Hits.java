package io.newssearch.lucene.search;

import io.newssearch.lucene.ArticleDocuments;
import io.newssearch.lucene.Schema;
import io.newssearch.search.SearchResult.Highlight;
import io.newssearch.search.SearchResult.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Top documents → {@link Hit}s: stored fields plus snippets highlighted for a query. Search and
 * related articles share it, so every list of articles the API returns has the same shape.
 */
final class Hits {

  /**
   * Stored fields a hit shows, and the body its snippets are cut from: read together, since a
   * document's stored fields are one compressed block, whichever of them are asked for.
   */
  private static final Set<String> HIT_FIELDS = Set.of(Schema.ID, Schema.TITLE, Schema.URL,
      Schema.PUBLISHED, Schema.LANGUAGE, Schema.TAGS_KEYWORD, Schema.SOURCE_KEYWORD, Schema.STORY, Schema.BODY);

  private Hits() {}

  static List<Hit> read(IndexSearcher searcher, Query highlightQuery, ScoreDoc[] page) throws IOException {
    return read(searcher, language -> highlightQuery, page);
  }

  /** @param wordsOf the words to mark in an article of a language */
  static List<Hit> read(IndexSearcher searcher, Function<String, Query> wordsOf, ScoreDoc[] page) throws IOException {
    int[] docIds = new int[page.length];
    for (int i = 0; i < page.length; i++) {
      docIds[i] = page[i].doc;
    }
    StoredFields stored = searcher.storedFields();
    Document[] docs = new Document[page.length];
    for (int i = 0; i < page.length; i++) {
      docs[i] = stored.document(docIds[i], HIT_FIELDS);
    }
    Highlight[] highlights = Snippets.highlight(searcher, wordsOf, docIds, docs);
    List<Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Document d = docs[i];
      hits.add(new Hit(
          d.get(Schema.ID),
          d.get(Schema.TITLE),
          d.get(Schema.URL),
          ArticleDocuments.published(d),
          d.get(Schema.LANGUAGE),
          ArticleDocuments.values(d, Schema.TAGS_KEYWORD),
          d.get(Schema.SOURCE_KEYWORD),
          Float.isNaN(page[i].score) ? 0f : page[i].score,
          highlights[i],
          d.get(Schema.STORY) == null ? d.get(Schema.ID) : d.get(Schema.STORY),
          null,
          null,
          null));
    }
    return hits;
  }
}

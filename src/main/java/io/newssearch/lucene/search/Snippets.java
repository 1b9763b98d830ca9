package io.newssearch.lucene.search;

import io.newssearch.lucene.Schema;
import io.newssearch.search.SearchResult.Highlight;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Highlighted title and body snippets. Offsets come from the postings (indexed with offsets), so
 * no text is re-analysed. Text is HTML-escaped; {@code <mark>} is the only markup.
 */
final class Snippets {


  private static final String[] FIELDS = {Schema.TITLE, Schema.BODY};
  private static final StandardAnalyzer UNUSED = new StandardAnalyzer();

  private Snippets() {}

  static Highlight[] highlight(IndexSearcher searcher, Query query, int[] docIds) throws IOException {
    if (docIds.length == 0) {
      return new Highlight[0];
    }
    UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, UNUSED)
        .withFormatter(new MarkFormatter())
        .withMaxLength(Highlight.MAX_ANALYZED_CHARS)
        .withHighlightPhrasesStrictly(true);
    UnifiedHighlighter highlighter = new UnifiedHighlighter(builder) {
      @Override
      protected BreakIterator getBreakIterator(String field) {
        // The title is highlighted whole; the body in sentences.
        return field.equals(Schema.TITLE)
            ? new WholeBreakIterator()
            : BreakIterator.getSentenceInstance(Locale.ROOT);
      }
    };
    Map<String, String[]> out = highlighter.highlightFields(
        FIELDS, query, docIds, new int[] {1, Highlight.BODY_PASSAGES});
    Highlight[] result = new Highlight[docIds.length];
    for (int i = 0; i < docIds.length; i++) {
      result[i] = new Highlight(out.get(Schema.TITLE)[i], out.get(Schema.BODY)[i]);
    }
    return result;
  }
}

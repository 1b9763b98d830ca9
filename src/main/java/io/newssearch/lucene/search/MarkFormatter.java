package io.newssearch.lucene.search;

import io.newssearch.search.SearchResult.Highlight;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;

/**
 * Passages with matches in {@code <mark>}, text escaped for HTML. Lucene's own escaping also
 * turns "/" into {@code &#x2F;}, which is safe but shows up in every non-HTML client (CLI, JSON
 * consumers); escaping the five HTML-significant characters is enough for text and attributes.
 */
final class MarkFormatter extends DefaultPassageFormatter {

  MarkFormatter() {
    super("<mark>", "</mark>", Highlight.PASSAGE_SEPARATOR, true);
  }

  @Override
  protected void append(StringBuilder dest, String content, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = content.charAt(i);
      switch (c) {
        case '&' -> dest.append("&amp;");
        case '<' -> dest.append("&lt;");
        case '>' -> dest.append("&gt;");
        case '"' -> dest.append("&quot;");
        case '\'' -> dest.append("&#x27;");
        default -> dest.append(c);
      }
    }
  }
}

package io.newssearch.lucene.search;

import io.newssearch.search.TypedCompletion;
import io.newssearch.search.SuggestRequest;
import io.newssearch.lucene.Schema;
import io.newssearch.search.SuggestResult.Kind;
import io.newssearch.search.SuggestResult.Suggestion;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup.LookupResult;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Completions from the titles and tags of one index view: an {@link AnalyzingInfixSuggester} in
 * memory, so "nav" finds "… joint naval drill …" (any word of a title, not only its start). Each
 * distinct title or tag is one entry, weighted by the number of articles that carry it. Built
 * from stored fields by {@link CompletionsCache}, once per view.
 */
final class Completions implements Closeable {

  /** Typed prefixes this short are matched through edge n-grams instead of a prefix query (faster). */
  static final int MIN_PREFIX_CHARS = 3;

  private static final Set<String> FIELDS = Set.of(Schema.TITLE, Schema.TAGS_KEYWORD);
  private static final BytesRef TITLE = new BytesRef("title");
  private static final BytesRef TAG = new BytesRef("tag");

  /** Null when the view holds no titles or tags: nothing to build, nothing to suggest. */
  private final EscapingSuggester suggester;

  private Completions(EscapingSuggester suggester) {
    this.suggester = suggester;
  }

  static Completions build(IndexReader reader) throws IOException {
    Map<String, Long> titles = new LinkedHashMap<>();
    Map<String, Long> tags = new LinkedHashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored = leaf.reader().storedFields();
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        Document d = stored.document(doc, FIELDS);
        String title = d.get(Schema.TITLE);
        if (title != null && !title.isBlank()) {
          titles.merge(title.strip(), 1L, Long::sum);
        }
        for (IndexableField tag : d.getFields(Schema.TAGS_KEYWORD)) {
          tags.merge(tag.stringValue(), 1L, Long::sum);
        }
      }
    }
    if (titles.isEmpty() && tags.isEmpty()) {
      return new Completions(null);
    }
    List<Entry> entries = new ArrayList<>(titles.size() + tags.size());
    titles.forEach((text, n) -> entries.add(new Entry(text, n, TITLE)));
    tags.forEach((text, n) -> entries.add(new Entry(text, n, TAG)));
    EscapingSuggester s = new EscapingSuggester(new StandardAnalyzer());
    try {
      s.build(new Entries(entries.iterator()));
    } catch (IOException | RuntimeException e) {
      new Completions(s).close();
      throw e;
    }
    return new Completions(s);
  }

  List<Suggestion> lookup(SuggestRequest r) throws IOException {
    if (suggester == null) {
      return List.of();
    }
    List<Suggestion> out = new ArrayList<>();
    for (LookupResult lr : suggester.lookup(r.query(), r.size(), true, true)) {
      Kind kind = TAG.equals(lr.payload) ? Kind.TAG : Kind.TITLE;
      out.add(new Suggestion(lr.key.toString(), String.valueOf(lr.highlightKey), kind));
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    if (suggester != null) {
      try (Analyzer words = suggester.words) {
        suggester.close();
      }
    }
  }

  private record Entry(String text, long weight, BytesRef kind) {}

  /** The entries as the suggester reads them: text, weight, kind as payload. */
  private static final class Entries implements InputIterator {
    private final Iterator<Entry> it;
    private Entry current;

    Entries(Iterator<Entry> it) {
      this.it = it;
    }

    @Override
    public BytesRef next() {
      if (!it.hasNext()) {
        return null;
      }
      current = it.next();
      return new BytesRef(current.text().getBytes(StandardCharsets.UTF_8));
    }

    @Override public long weight() { return current.weight(); }
    @Override public BytesRef payload() { return current.kind(); }
    @Override public boolean hasPayloads() { return true; }
    @Override public Set<BytesRef> contexts() { return null; }
    @Override public boolean hasContexts() { return false; }
  }

  /**
   * The infix suggester with its highlighting made safe for HTML: titles are text from the wild
   * ("Markup &lt;script&gt; …"), so every piece is escaped and {@code <b>} is the only markup.
   */
  private static final class EscapingSuggester extends AnalyzingInfixSuggester {

    /** Plain lowercased Unicode words: a prefix must match what was typed, not a stem of it. */
    final Analyzer words;

    EscapingSuggester(Analyzer words) throws IOException {
      super(new ByteBuffersDirectory(), words, words, MIN_PREFIX_CHARS, false, true, true, true);
      this.words = words;
    }

    @Override
    protected void addNonMatch(StringBuilder sb, String text) {
      sb.append(TypedCompletion.escape(text));
    }

    @Override
    protected void addWholeMatch(StringBuilder sb, String surface, String analyzed) {
      sb.append("<b>").append(TypedCompletion.escape(surface)).append("</b>");
    }

    @Override
    protected void addPrefixMatch(StringBuilder sb, String surface, String analyzed, String prefixToken) {
      if (prefixToken.length() >= surface.length()) {
        addWholeMatch(sb, surface, analyzed);
        return;
      }
      sb.append("<b>").append(TypedCompletion.escape(surface.substring(0, prefixToken.length()))).append("</b>")
          .append(TypedCompletion.escape(surface.substring(prefixToken.length())));
    }
  }

}

package io.newssearch.lucene.search;

import io.newssearch.lucene.Schema;
import io.newssearch.search.SearchResult.Highlight;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Highlighted title and body snippets. Offsets come from the postings (indexed with offsets), so
 * no text is re-analysed; the text itself is the stored documents the caller has already read with
 * the hit's other fields, so each hit's stored block is decompressed once. Text is HTML-escaped;
 * {@code <mark>} is the only markup.
 */
final class Snippets {


  private static final String[] FIELDS = {Schema.TITLE, Schema.BODY};
  private static final StandardAnalyzer UNUSED = new StandardAnalyzer();

  private Snippets() {}

  /**
   * The parts of a search that can mark words: without its filters (the language of each analysis
   * branch, dates, sources) and score factors. The highlighter asks every part where it matches in
   * each hit, so a filter would be run again for every hit to no effect.
   */
  static Query wordsOf(Query q) {
    return switch (q) {
      case ScoreFactorQuery f -> wordsOf(f.query());
      case BoostQuery b -> new BoostQuery(wordsOf(b.getQuery()), b.getBoost());
      // Parts that differed only by their filter or weight are the same words: asked once.
      case DisjunctionMaxQuery d -> new DisjunctionMaxQuery(
          d.getDisjuncts().stream().map(Snippets::wordsOf).distinct().toList(), d.getTieBreakerMultiplier());
      case BooleanQuery b -> {
        BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
        for (BooleanClause c : b.clauses()) {
          if (c.occur() != Occur.FILTER && c.occur() != Occur.MUST_NOT) {
            out.add(wordsOf(c.query()), c.occur());
          }
        }
        yield out.build();
      }
      default -> q;
    };
  }

  /** Each reader's fields as the highlighter asks for them (which have offsets in their postings). */
  private static final Map<IndexReader.CacheKey, FieldInfos> FIELD_INFOS = new ConcurrentHashMap<>();

  private static FieldInfos fieldInfosOf(IndexReader reader) {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return FieldInfos.getMergedFieldInfos(reader);
    }
    return FIELD_INFOS.computeIfAbsent(helper.getKey(), key -> {
      helper.addClosedListener(FIELD_INFOS::remove);
      return FieldInfos.getMergedFieldInfos(reader);
    });
  }

  /**
   * Each hit highlighted with the words of its language ({@code wordsOf}): hits of one language
   * together.
   *
   * @param loaded each hit's stored document, holding at least title, body and language
   */
  static Highlight[] highlight(IndexSearcher searcher, Function<String, Query> wordsOf, int[] docIds, Document[] loaded)
      throws IOException {
    Map<Query, List<Integer>> byWords = new LinkedHashMap<>();
    for (int i = 0; i < docIds.length; i++) {
      byWords.computeIfAbsent(wordsOf.apply(loaded[i].get(Schema.LANGUAGE)), q -> new ArrayList<>()).add(i);
    }
    Highlight[] out = new Highlight[docIds.length];
    for (var group : byWords.entrySet()) {
      List<Integer> at = group.getValue();
      int[] ids = at.stream().mapToInt(i -> docIds[i]).toArray();
      Document[] docs = at.stream().map(i -> loaded[i]).toArray(Document[]::new);
      Highlight[] some = highlight(searcher, group.getKey(), ids, docs);
      for (int j = 0; j < at.size(); j++) {
        out[at.get(j)] = some[j];
      }
    }
    return out;
  }

  /** @param loaded each hit's stored document, holding at least title and body */
  private static Highlight[] highlight(IndexSearcher searcher, Query query, int[] docIds, Document[] loaded) throws IOException {
    if (docIds.length == 0) {
      return new Highlight[0];
    }
    Map<Integer, Document> byDoc = new HashMap<>();
    for (int i = 0; i < docIds.length; i++) {
      byDoc.put(docIds[i], loaded[i]);
    }
    UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, UNUSED)
        .withFormatter(new MarkFormatter())
        .withMaxLength(Highlight.MAX_ANALYZED_CHARS)
        .withHighlightPhrasesStrictly(true);
    UnifiedHighlighter highlighter = new UnifiedHighlighter(builder) {
      {
        fieldInfos = fieldInfosOf(searcher.getIndexReader()); // merged once per reader, not per request
      }

      @Override
      protected BreakIterator getBreakIterator(String field) {
        // The title is highlighted whole; the body in sentences.
        return field.equals(Schema.TITLE)
            ? new WholeBreakIterator()
            : BreakIterator.getSentenceInstance(Locale.ROOT);
      }

      @Override
      protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
          throws IOException {
        List<CharSequence[]> out = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          Document d = byDoc.get(doc);
          CharSequence[] values = new CharSequence[fields.length];
          for (int f = 0; f < fields.length; f++) {
            String v = d == null ? null : d.get(fields[f]);
            values[f] = v == null ? "" : v.length() > getMaxLength() ? v.substring(0, getMaxLength()) : v;
          }
          out.add(values);
        }
        return out;
      }
    };
    Map<String, String[]> out = highlighter.highlightFields(
        FIELDS, wordsOf(query), docIds, new int[] {1, Highlight.BODY_PASSAGES});
    Highlight[] result = new Highlight[docIds.length];
    for (int i = 0; i < docIds.length; i++) {
      result[i] = new Highlight(out.get(Schema.TITLE)[i], out.get(Schema.BODY)[i]);
    }
    return result;
  }
}

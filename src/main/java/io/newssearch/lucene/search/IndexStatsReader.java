package io.newssearch.lucene.search;

import io.newssearch.search.IndexStats;
import io.newssearch.lucene.IndexLayout;
import io.newssearch.lucene.IndexView;
import io.newssearch.lucene.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;

/**
 * {@link IndexStats} of one view. Counts come from doc values over live documents (never term
 * statistics, which still count deleted documents until a merge), the date span from the two ends
 * of a sort on the publication date.
 */
final class IndexStatsReader {

  private IndexStatsReader() {}

  static IndexStats read(IndexView view, IndexLayout layout) throws IOException {
    IndexSearcher searcher = view.searcher();
    return new IndexStats(
        view.reader().numDocs(),
        counts(view, Schema.LANGUAGE),
        counts(view, Schema.SOURCE_KEYWORD),
        published(searcher, false),
        published(searcher, true),
        layout.sizeOnDisk(),
        view.reader().leaves().size(),
        lastCommit(view));
  }

  private static Map<String, Long> counts(IndexView view, String field) throws IOException {
    Map<String, Long> out = new LinkedHashMap<>();
    if (view.reader().numDocs() == 0) {
      return out;
    }
    FacetResult all = new StringValueFacetCounts(view.facetState(field)).getTopChildren(Integer.MAX_VALUE, field);
    if (all != null) {
      for (LabelAndValue lv : all.labelValues) {
        out.put(lv.label, lv.value.longValue());
      }
    }
    return out;
  }

  private static Instant published(IndexSearcher searcher, boolean newest) throws IOException {
    Sort byDate = new Sort(new SortField(Schema.PUBLISHED, SortField.Type.LONG, newest));
    TopDocs top = searcher.search(new FieldExistsQuery(Schema.PUBLISHED), 1, byDate);
    if (top.scoreDocs.length == 0) {
      return null;
    }
    return Instant.ofEpochMilli((Long) ((FieldDoc) top.scoreDocs[0]).fields[0]);
  }

  /** The live commit's segments file was written last by the commit, so its mtime is the commit time. */
  private static Instant lastCommit(IndexView view) throws IOException {
    Path segments = view.generation().resolve(view.reader().getIndexCommit().getSegmentsFileName());
    return Files.exists(segments) ? Files.getLastModifiedTime(segments).toInstant() : null;
  }
}

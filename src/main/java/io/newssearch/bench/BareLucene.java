package io.newssearch.bench;

import io.newssearch.article.Article;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The baseline a Lucene user would write: one {@link EnglishAnalyzer} field over title + body,
 * the id and title stored, language as a keyword and the date as a point with doc values (for the
 * filtered and newest-first queries); default {@link IndexWriterConfig} with a 256 MB RAM buffer,
 * one thread. A search is: parse, filter, top 10 (by score or newest first), read id and title.
 * No facets, no snippets, no story collapse: the floor newssearch is compared with.
 */
final class BareLucene implements Closeable {

  static final String ID = "id", TITLE = "title", TEXT = "text", LANGUAGE = "language", PUBLISHED = "published";
  static final double RAM_BUFFER_MB = 256;
  private static final Sort NEWEST = new Sort(LongField.newSortField(PUBLISHED, true, SortedNumericSelector.Type.MIN));
  private static final Set<String> SHOWN = Set.of(ID, TITLE);

  /** One build: articles, seconds (parsing the corpus included), bytes on disk. */
  record Build(long articles, double seconds, long bytes) {
    double articlesPerSecond() {
      return articles / seconds;
    }
  }

  private final FSDirectory dir;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Analyzer analyzer = new EnglishAnalyzer();

  BareLucene(Path index) throws IOException {
    this.dir = FSDirectory.open(index);
    this.reader = DirectoryReader.open(dir);
    this.searcher = new IndexSearcher(reader);
  }

  static Build build(List<Path> corpus, Path index) throws IOException {
    Measure.deleteTree(index);
    long start = System.nanoTime();
    long[] count = {0};
    try (Analyzer analyzer = new EnglishAnalyzer();
        FSDirectory d = FSDirectory.open(index);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(RAM_BUFFER_MB))) {
      CorpusArticles.forEach(corpus, a -> {
        try {
          w.addDocument(document(a, count[0]));
          count[0]++;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      w.commit();
    }
    return new Build(count[0], (System.nanoTime() - start) / 1e9, Measure.sizeOf(index));
  }

  private static Document document(Article a, long n) {
    Document doc = new Document();
    String title = a.title() == null ? "" : a.title();
    doc.add(new StoredField(ID, a.id() != null ? a.id() : "doc-" + n));
    doc.add(new StoredField(TITLE, title));
    doc.add(new TextField(TEXT, title + "\n" + (a.body() == null ? "" : a.body()), Store.NO));
    if (a.language() != null) doc.add(new KeywordField(LANGUAGE, a.language(), Store.YES));
    if (a.published() != null) {
      doc.add(new LongField(PUBLISHED, a.published().toEpochMilli(), Store.YES));
    }
    return doc;
  }

  DirectoryReader reader() {
    return reader;
  }

  /** @return characters of the ids and titles read, so the work cannot be optimised away */
  int search(QueryCase q) throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(parse(q), Occur.MUST);
    if (q.language() != null) b.add(KeywordField.newExactQuery(LANGUAGE, q.language()), Occur.FILTER);
    if (q.from() != null) {
      b.add(LongField.newRangeQuery(PUBLISHED, q.from().toEpochMilli(), q.to().toEpochMilli()), Occur.FILTER);
    }
    TopDocs top = q.sortByDate() ? searcher.search(b.build(), 10, NEWEST) : searcher.search(b.build(), 10);
    StoredFields stored = searcher.storedFields();
    int chars = 0;
    for (ScoreDoc sd : top.scoreDocs) {
      Document d = stored.document(sd.doc, SHOWN);
      chars += d.get(ID).length() + d.get(TITLE).length();
    }
    return chars;
  }

  /** The classic parser, one per call (it is not thread-safe), as a bare application would. */
  private Query parse(QueryCase q) {
    if (q.text().isBlank()) {
      return new MatchAllDocsQuery();
    }
    QueryParser parser = new QueryParser(TEXT, analyzer);
    parser.setDefaultOperator(q.matchAll() ? QueryParser.Operator.AND : QueryParser.Operator.OR);
    try {
      return parser.parse(q.text());
    } catch (ParseException e) {
      throw new IllegalArgumentException("bare Lucene cannot parse " + q.text(), e);
    }
  }

  @Override
  public void close() throws IOException {
    try (dir; reader; analyzer) {
      // closes all three
    }
  }
}

package io.newssearch.lucene.search;

import io.newssearch.search.TypedCompletion;
import io.newssearch.search.SuggestRequest;
import io.newssearch.lucene.Schema;
import io.newssearch.search.SuggestResult.Kind;
import io.newssearch.search.SuggestResult.Suggestion;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.OfflineSorter;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Completions from the titles and tags of one index view: an {@link AnalyzingInfixSuggester}, so
 * "nav" finds "… joint naval drill …" (any word of a title, not only its start). Each distinct
 * title or tag is one entry, weighted by the number of articles that carry it.
 *
 * <p>Sized for large archives: the entries are deduplicated by sorting them on disk (Lucene's
 * {@link OfflineSorter} with a bounded buffer) rather than in a map of every title, and the
 * suggester's index lives in a temporary directory (memory-mapped, like the main index), so a
 * million articles cost the heap a few megabytes, not hundreds. {@link CompletionsCache} decides
 * when to build; the directory is deleted when the last user releases the completions.
 */
final class Completions implements Closeable {

  /** Typed prefixes this short are matched through edge n-grams instead of a prefix query (faster). */
  static final int MIN_PREFIX_CHARS = 3;

  /** Heap the on-disk sort of the entries may use. */
  private static final long SORT_BUFFER_MB = 16;

  private static final Set<String> FIELDS = Set.of(Schema.TITLE, Schema.TAGS_KEYWORD);
  private static final BytesRef TITLE = new BytesRef("title");
  private static final BytesRef TAG = new BytesRef("tag");
  /** First byte of a sorted entry: which kind it is, so a tag and a title of the same text stay two entries. */
  private static final byte TITLE_MARK = 'T', TAG_MARK = 'G';

  /** Null when the view holds no titles or tags: nothing to build, nothing to suggest. */
  private final EscapingSuggester suggester;
  private final Path dir;
  /** The cache's reference plus one per lookup in flight; the last release closes. */
  private final AtomicInteger refs = new AtomicInteger(1);

  private Completions(EscapingSuggester suggester, Path dir) {
    this.suggester = suggester;
    this.dir = dir;
  }

  static Completions build(IndexReader reader) throws IOException {
    Path dir = Files.createTempDirectory("newssearch-completions-");
    EscapingSuggester s = null;
    try (FSDirectory sortDir = FSDirectory.open(Files.createDirectory(dir.resolve("sort")))) {
      String unsorted = writeEntries(reader, sortDir);
      if (unsorted == null) {
        IOUtils.rm(dir);
        return new Completions(null, null);
      }
      String sorted = new OfflineSorter(sortDir, "entries", OfflineSorter.DEFAULT_COMPARATOR,
          OfflineSorter.BufferSize.megabytes(SORT_BUFFER_MB), OfflineSorter.MAX_TEMPFILES, -1, null, 0).sort(unsorted);
      sortDir.deleteFile(unsorted);
      s = new EscapingSuggester(FSDirectory.open(dir.resolve("suggester")), new StandardAnalyzer());
      try (OfflineSorter.ByteSequencesReader in = new OfflineSorter.ByteSequencesReader(sortDir.openChecksumInput(sorted), sorted)) {
        s.build(new Entries(in));
      }
      sortDir.deleteFile(sorted);
      return new Completions(s, dir);
    } catch (IOException | RuntimeException e) {
      new Completions(s, dir).close();
      throw e;
    }
  }

  /** Every live article's title and tags, one record each; null when there is none. */
  private static String writeEntries(IndexReader reader, FSDirectory dir) throws IOException {
    long written = 0;
    String name;
    try (IndexOutput out = dir.createTempOutput("entries", "unsorted", IOContext.DEFAULT);
        OfflineSorter.ByteSequencesWriter w = new OfflineSorter.ByteSequencesWriter(out)) {
      name = out.getName();
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
            w.write(record(TITLE_MARK, title.strip()));
            written++;
          }
          for (IndexableField tag : d.getFields(Schema.TAGS_KEYWORD)) {
            w.write(record(TAG_MARK, tag.stringValue()));
            written++;
          }
        }
      }
      CodecUtil.writeFooter(out);
    }
    if (written == 0) {
      dir.deleteFile(name);
      return null;
    }
    return name;
  }

  private static byte[] record(byte mark, String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[utf8.length + 1];
    out[0] = mark;
    System.arraycopy(utf8, 0, out, 1, utf8.length);
    return out;
  }

  /** Another user of these completions, or null when they are already closed. */
  Completions acquire() {
    for (int n = refs.get(); n > 0; n = refs.get()) {
      if (refs.compareAndSet(n, n + 1)) {
        return this;
      }
    }
    return null;
  }

  void release() throws IOException {
    if (refs.decrementAndGet() == 0) {
      close();
    }
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
    try {
      if (suggester != null) {
        try (Analyzer words = suggester.words; Directory d = suggester.directory) {
          suggester.close();
        }
      }
    } finally {
      if (dir != null) {
        IOUtils.rm(dir);
      }
    }
  }

  /** The sorted records as the suggester reads them: equal ones merged, their count the weight. */
  private static final class Entries implements InputIterator {
    private final OfflineSorter.ByteSequencesReader in;
    private BytesRef pending;
    private final BytesRefBuilder text = new BytesRefBuilder();
    private BytesRef kind;
    private long weight;

    Entries(OfflineSorter.ByteSequencesReader in) throws IOException {
      this.in = in;
      this.pending = copy(in.next());
    }

    @Override
    public BytesRef next() throws IOException {
      if (pending == null) {
        return null;
      }
      BytesRef entry = pending;
      weight = 0;
      while (pending != null && pending.bytesEquals(entry)) {
        weight++;
        pending = copy(in.next());
      }
      kind = entry.bytes[entry.offset] == TAG_MARK ? TAG : TITLE;
      text.copyBytes(entry.bytes, entry.offset + 1, entry.length - 1);
      return text.get();
    }

    private static BytesRef copy(BytesRef b) {
      return b == null ? null : BytesRef.deepCopyOf(b);
    }

    @Override public long weight() { return weight; }
    @Override public BytesRef payload() { return kind; }
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

    final Directory directory;

    EscapingSuggester(Directory directory, Analyzer words) throws IOException {
      super(directory, words, words, MIN_PREFIX_CHARS, false, true, true, true);
      this.words = words;
      this.directory = directory;
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

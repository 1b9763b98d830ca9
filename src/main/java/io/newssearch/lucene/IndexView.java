package io.newssearch.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/**
 * One point-in-time view of the index: a searcher plus what is derived from its reader once and
 * shared by every search on it (the languages present, facet ordinal maps). Acquire it from
 * {@link IndexHandle}; never keep it past {@code release}.
 */
public final class IndexView {

  private final IndexSearcher searcher;
  private final Path generation;
  private final Set<String> languages;
  private final boolean vectors;
  private final Map<String, StringDocValuesReaderState> facetStates = new ConcurrentHashMap<>();
  private final Map<Object, Object> derived = new ConcurrentHashMap<>();

  IndexView(DirectoryReader reader, Path generation) throws IOException {
    this.searcher = new IndexSearcher(reader);
    this.generation = generation;
    this.languages = readLanguages(reader);
    this.vectors = ArticleVectors.present(reader);
  }

  /** Whether this index has article vectors (semantic and hybrid search need them). */
  public boolean hasVectors() {
    return vectors;
  }

  public IndexSearcher searcher() {
    return searcher;
  }

  public DirectoryReader reader() {
    return (DirectoryReader) searcher.getIndexReader();
  }

  public Path generation() {
    return generation;
  }

  /** The language codes of the articles in this view, sorted. */
  public Set<String> languages() {
    return languages;
  }

  /**
   * Ordinal state for counting a keyword field's values over many documents; built once per view,
   * on first use (searches counting few documents number values by segment instead).
   */
  public StringDocValuesReaderState facetState(String field) {
    return facetStates.computeIfAbsent(field, f -> {
      try {
        return new StringDocValuesReaderState(searcher.getIndexReader(), f);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** How something is derived from a view: by reading its index once. */
  @FunctionalInterface
  public interface Derivation<T> {
    T from(IndexView view) throws IOException;
  }

  /**
   * Something computed once from this view and shared by every search on it (ordinal maps, counts
   * over the whole index), built on first use; a concurrent first use waits instead of building it
   * twice, and a derivation may use another. It lives as long as the view, so a refresh or rebuild
   * derives it anew.
   */
  @SuppressWarnings("unchecked")
  public <T> T derived(Object key, Derivation<T> derivation) {
    // The map only hands out a holder; the work runs outside it (a derivation calling derived()
    // again inside computeIfAbsent would be a recursive update of the map).
    Once<T> once = (Once<T>) derived.computeIfAbsent(key, k -> new Once<T>());
    return once.get(this, derivation);
  }

  /** A value computed at most once (again only after a failure). */
  private static final class Once<T> {
    private T value;

    synchronized T get(IndexView view, Derivation<T> derivation) {
      if (value == null) {
        try {
          value = derivation.from(view);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return value;
    }
  }

  private static Set<String> readLanguages(DirectoryReader reader) throws IOException {
    Set<String> out = new TreeSet<>();
    Terms terms = MultiTerms.getTerms(reader, Schema.LANGUAGE);
    if (terms != null) {
      TermsEnum te = terms.iterator();
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        out.add(t.utf8ToString());
      }
    }
    return Set.copyOf(out);
  }
}

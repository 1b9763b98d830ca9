package io.newssearch.lucene.search;

import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;

/**
 * The answers of the most recent searches, by request and index view, as Solr's queryResultCache
 * keeps them: a newsroom asks the same few queries of the day again and again (the front page's
 * topics, every reader paging back), and an answer costs milliseconds of CPU where giving it
 * again costs microseconds. A view is one reader: after a write or a refresh its answers are
 * never asked for again and age out. A search that ran out of time, or whose scores depend on the
 * clock ({@code sort=recency}), is not kept, nor a large page or an explained one ({@link #MAX_HITS}).
 */
public final class ResultCache {

  /**
   * Answers kept by default, as many as Solr's default queryResultCache: with {@link #MAX_HITS} hits
   * of a few hundred bytes to a few kB each (snippets, sources), some tens of MB at most, which a
   * 1 GiB heap serving a million articles can spare.
   */
  public static final int DEFAULT_ENTRIES = 512;
  /**
   * Larger pages, and explanations (a tree per hit), are not kept: the pages people ask again are
   * the first pages of 10 to 20; a client paging 100 at a time or explaining is not repeating.
   */
  static final int MAX_HITS = 25;

  private record Key(Object reader, SearchRequest request) {}

  private final Map<Key, SearchResult> answers;

  /**
   * @param entries how many answers are kept, the least recently asked going first; the table
   *     grows with the answers, so a large number costs nothing until they are kept
   */
  ResultCache(int entries) {
    answers = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, SearchResult> eldest) {
        return size() > entries;
      }
    };
  }

  /** The key of a request on a reader, or null when its answer must not be kept. */
  static Object key(IndexReader reader, SearchRequest r) {
    if (r.size() > MAX_HITS || r.explain()) {
      return null;
    }
    SearchRequest timeless = r.atAnyTime();
    return timeless == null ? null : new Key(reader.getContext().id(), timeless);
  }

  /** The answer kept for the key, or null. */
  synchronized SearchResult get(Object key) {
    return key == null ? null : answers.get((Key) key);
  }

  synchronized void put(Object key, SearchResult answer) {
    if (key != null && !answer.timedOut()) {
      answers.put((Key) key, answer);
    }
  }
}

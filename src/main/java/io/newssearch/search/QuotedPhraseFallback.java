package io.newssearch.search;

import java.io.IOException;
import java.util.Optional;

/**
 * A search whose quoted phrases no article holds as quoted is searched again with them as words,
 * and the answer says so ({@code relaxed}: the phrases). Users paste headlines, and a headline's
 * quotation is often paraphrased, translated or spelt otherwise in the article itself (in the
 * MasakhaNEWS known-item evaluation a wholly quoted Somali headline found nothing); a web search
 * engine answers with the words and says it did, and so do we.
 *
 * <ul>
 *   <li>Only when the search found nothing, and not when it ran out of time (then nothing was found
 *       yet, which is not nothing matching).
 *   <li>Never for a strict search: it asked for exactly what was typed.
 *   <li>For every sort: the words change which articles match, not their order; the answer is the
 *       query without its quotes, ordered as asked, which says more than an empty page.
 *   <li>Only the phrases an article must or may match ({@link QuotedPhrases}).
 * </ul>
 *
 * <p>A relaxed answer's {@code next_cursor} carries a mark, so the pages after it search the words
 * directly: one walk stays on one query even when an article with the exact phrase arrives between
 * pages (a cursor's position means nothing in another query's order). A page asked by number needs
 * no mark: the exact search finds nothing again. Every engine answers through this, inside
 * {@link DatePhraseFallback} ({@link SearchFallbacks}).
 */
public final class QuotedPhraseFallback extends ForwardingSearch {

  /** Starts the cursor of a relaxed answer; the engine's own cursor follows (never holds a '.'). */
  static final String RELAXED_CURSOR = "words.";

  public QuotedPhraseFallback(SearchService engine) {
    super(engine);
  }

  @Override
  public SearchResult search(SearchRequest r) throws IOException {
    if (r.cursor() != null && r.cursor().startsWith(RELAXED_CURSOR)) {
      SearchRequest next = r.withCursor(r.cursor().substring(RELAXED_CURSOR.length()));
      Optional<QuotedPhrases.Relaxation> words = relaxation(next);
      // A request that cannot be relaxed (strict, no phrase left) goes on from the cursor as typed.
      return words.isPresent() ? searchWords(next, words.get()) : engine.search(next);
    }
    SearchResult result = engine.search(r);
    if (result.total() > 0 || result.timedOut()) {
      return result;
    }
    Optional<QuotedPhrases.Relaxation> words = relaxation(r);
    if (words.isEmpty()) {
      return result;
    }
    try {
      return searchWords(r, words.get());
    } catch (InvalidRequestException overALimit) {
      // The words are more clauses than the phrase was (too_many_clauses): the exact answer stands.
      return result;
    }
  }

  private static Optional<QuotedPhrases.Relaxation> relaxation(SearchRequest r) {
    return r.strict() ? Optional.empty() : QuotedPhrases.relax(r.query(), r.matchAll());
  }

  private SearchResult searchWords(SearchRequest r, QuotedPhrases.Relaxation words) throws IOException {
    SearchResult result = engine.search(r.withQuery(words.query()));
    return result.withRelaxed(words.relaxed(), result.nextCursor() == null ? null : RELAXED_CURSOR + result.nextCursor());
  }
}

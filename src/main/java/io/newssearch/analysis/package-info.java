/**
 * Language-aware text analysis: which language an article is in, and how its title and body are
 * turned into index terms.
 *
 * <ul>
 *   <li>{@link io.newssearch.analysis.LanguageDetectors#standard()} — the one detector for ingest:
 *       ISO 639-1 codes, "und" for text too short or unclear; OpenNLP's model behind script rules
 *       (why this library: docs/language-detection.md).
 *   <li>{@link io.newssearch.analysis.LanguageAnalyzers} — an analyzer per language, built once and
 *       shared; dedicated chains (stemmer + stopwords) for 37 languages, an ICU + CJK-bigram
 *       fallback for the rest. Every chain ends in the same folding (case, accents, width), so
 *       character variants never stop a match. {@code analyzerKey} tells the query side which
 *       languages share an analyzer, so it parses a query once per key.
 *   <li>Language tags become codes in {@link io.newssearch.article.LanguageCodes}, shared with ingest,
 *       so an article is stored, faceted and analysed under the same code.
 * </ul>
 *
 * <p>Index and query must use the same analyzer for a document's language; that is the contract
 * between this package and {@code index}/{@code search}. No Lucene documents are built here.
 */
package io.newssearch.analysis;

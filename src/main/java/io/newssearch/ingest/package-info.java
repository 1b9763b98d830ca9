/**
 * Turning corpus files into {@link io.newssearch.article.Article}s: finding the files
 * ({@link io.newssearch.ingest.CorpusWalker}), telling their format
 * ({@link io.newssearch.ingest.CorpusFormat#detect}), parsing them (one
 * {@link io.newssearch.ingest.ArticleParser} per format) and filling what the input left out
 * ({@link io.newssearch.ingest.ArticleEnricher}: language, tags, id). Nothing here knows Lucene.
 *
 * <h2>Formats</h2>
 *
 * <ul>
 *   <li>{@code JSONL}: {@code .jsonl}/{@code .ndjson}, one object per line, field synonyms
 *       (body/text/content, published/date/published_at/publishedAt, ...).
 *   <li>{@code HEADER_TEXT}: {@code .md}, or {@code .txt} starting with a {@code ---} header of
 *       {@code key: value} lines closed by {@code ---}; then the story.
 *   <li>{@code RAW_TEXT}: any other {@code .txt}: text scraped from a news page; headline, date,
 *       site name and story are recognised by the shape of the lines.
 *   <li>{@code HTML}: {@code .html}/{@code .htm}, metadata from Open Graph and meta tags, story from
 *       the {@code <article>} or the largest block of paragraphs.
 * </ul>
 *
 * Readers for public research collections, each detected from its files
 * ({@link io.newssearch.ingest.CorpusFormat#detect} documents the rules):
 *
 * <ul>
 *   <li>{@code REUTERS_SGML}: Reuters-21578 {@code .sgm}, many {@code <REUTERS>} records per file.
 *   <li>{@code LINE_DOC}: Lucene's {@code *.lines.txt[.gz]}, title TAB date TAB body per line.
 *   <li>{@code MASAKHANEWS_TSV}: MasakhaNEWS {@code .tsv}, language from the folder name.
 *   <li>{@code PERSIAN_NEWS}: one Persian article per {@code .txt} under an
 *       {@code agency###title###...} line.
 *   <li>{@code CSV}: a {@code .csv} (or {@code .tsv}) whose header names its columns.
 *   <li>{@code GNAD_CSV}: 10kGNAD {@code label;'text'} rows, German.
 *   <li>{@code TIME}: the TIME 1963 {@code TIME.ALL}, {@code *TEXT nnn MM/DD/YY PAGE nnn} records.
 * </ul>
 *
 * These set ids that stay stable across reindexing and match the collections' own numbering where
 * evaluation needs it ({@code time-17} for {@code *TEXT 017}). Plain text beside a
 * whole-collection file is its documentation and is not read ({@link io.newssearch.ingest.CorpusWalker}).
 * Delimited files are read by {@code CsvRows} (Jackson CSV), so quoted fields
 * may span lines.
 *
 * Any of them may be gzipped ({@code x.jsonl.gz}). Dates in every format are read by
 * {@link io.newssearch.ingest.DateParser} into UTC instants; language names and tags are normalised
 * to ISO 639-1 codes by {@link io.newssearch.article.LanguageCodes}.
 *
 * <h2>Error policy</h2>
 *
 * A record that cannot be used (invalid JSON, a value of the wrong type, an unreadable date, an
 * unclosed header, a file with no text) is passed to
 * {@link io.newssearch.ingest.RecordSink#reject(int, String)} with its 1-based line and a reason
 * naming the problem, and parsing continues with the next record; whole-file formats report line
 * 1. An unreadable file (missing, permission, corrupt gzip) throws {@link java.io.IOException} and
 * stops that file. Parsers do not validate: an article without title and body is accepted here and
 * refused by {@link io.newssearch.article.ArticleValidator}. Text is decoded as UTF-8
 * (Reuters-21578: Latin-1) with bad bytes replaced, not rejected.
 */
package io.newssearch.ingest;

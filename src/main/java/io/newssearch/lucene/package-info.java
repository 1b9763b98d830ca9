/**
 * The embedded engine, on a Lucene index in a directory: {@link io.newssearch.lucene.LuceneEngine}
 * wires it; {@link io.newssearch.lucene.Schema} names every field and its Lucene type;
 * {@link io.newssearch.lucene.ArticleDocuments} is the only seam between articles and Documents;
 * {@link io.newssearch.lucene.IndexLayout} keeps generations so a rebuild is atomic;
 * {@link io.newssearch.lucene.IndexHandle} alone owns the readers and refreshes them;
 * {@link io.newssearch.lucene.LuceneIndexTarget} and {@link io.newssearch.lucene.LuceneArticleStore}
 * write, both through {@code ArticleWriter}, which gives each article its story id in bounded
 * memory ({@code LuceneStoryCandidates} looks earlier articles up in a reader of the writer,
 * {@code StoryRenames} applies renames). {@link io.newssearch.lucene.ArticleVectors} says whether an
 * index has vectors (its commit data, so every later writer keeps adding them) and embeds English
 * articles on the writing thread. API writes share a long-lived writer and its commits
 * ({@code LiveWriter}, one {@code LiveSession} per writer): a write is answered only once its
 * commit is fsynced (each file once, by {@code SyncOnceDirectory}; a commit's segment is flushed
 * in memory and reaches the disk when the commit syncs it), and a commit that fails
 * (a full disk, an I/O error) is rolled back whole and reported once. Every writer opens its
 * directory through the layout ({@code IndexLayout.Directories}), which is where the
 * fault-injection tests put Lucene's {@code MockDirectoryWrapper}. Searching is in
 * {@code lucene.search}.
 *
 * <p>Damage and recovery: {@link io.newssearch.lucene.IndexIntegrity} checks a generation cheaply (it
 * opens) or fully (every checksum); {@link io.newssearch.lucene.ServingCheck} decides what {@code serve}
 * checks and when, and {@link io.newssearch.lucene.CorruptGenerations} falls back to the previous
 * generation and reports it; {@link io.newssearch.lucene.CommitSnapshot} pins a commit by hard links while
 * a writer goes on, for {@link io.newssearch.lucene.IndexCheck} (CheckIndex) and
 * {@link io.newssearch.lucene.IndexBackup} (backup, verify, restore under {@code RestoreGuard}'s rules).
 */
package io.newssearch.lucene;

/**
 * Saved searches that watch the news: alerts, matching, the record of articles seen, matches,
 * webhooks and Atom feeds. The same for both engines, because matching happens beside the engine,
 * on the articles the indexing pipeline reports ({@link io.newssearch.index.IndexListener}).
 *
 * <p>How an article fires: an API write, an {@code index} run or a rebuild upserts it; on the
 * writing thread {@link io.newssearch.alerts.MatchingListener} asks the store whether it was seen
 * before and, if not, runs the alerts on it ({@link io.newssearch.alerts.AlertMatcher}) and stages
 * it with the alerts it matched ({@link io.newssearch.alerts.StagedMatches}, in a file once the
 * batch is large); as the commit that makes it searchable runs, a transaction (one per 10,000
 * articles of a large batch) reads the staging,
 * marks the batch seen and records the matches of the articles seen for the first time, for alerts
 * that still exist; then
 * {@link io.newssearch.alerts.MatchEvents} hands them to live streams and
 * {@link io.newssearch.alerts.WebhookSender}.
 *
 * <p>Matching is a presearcher, not a loop over every alert: each alert is compiled per language
 * with the search's own query construction ({@code lucene.search.ArticleSelection}: QueryFactory
 * per analyzer, the same filters) and indexed under the term sets a matching article must have a
 * term of, each ({@link io.newssearch.alerts.QueryTerms}: a set per word of an AND or a phrase); a
 * new article becomes a one-document {@code MemoryIndex} of the fields its language's alerts read
 * (none for a language no alert looks at), built once for all candidates, its terms
 * pick the candidates ({@link io.newssearch.alerts.LanguageAlerts}), and only those run on it, their
 * queries rewritten once per alert set rather than per article where nothing in them depends on
 * the article ({@link io.newssearch.alerts.ArticleFreeRewrite}). An alert therefore selects an article exactly when a search with its
 * parameters finds it ({@code AlertMatcherTest}). Lucene's monitor module packages the same idea
 * but is not published for our Lucene version where we can fetch it.
 *
 * <p>Storage: {@link io.newssearch.alerts.AlertStore}, SQLite in {@code <index>/alerts/}, beside
 * the generations a rebuild replaces, shared by a server and an {@code index} run beside it; a
 * matched article is stored once and a match is a row of numbers
 * ({@link io.newssearch.alerts.MatchRecording}).
 */
package io.newssearch.alerts;

/**
 * The HTTP API on Javalin: {@link io.newssearch.http.App} declares every route and error mapping, handlers are
 * small classes over the {@link io.newssearch.search.SearchService} (and, for writes behind the admin key,
 * {@link io.newssearch.index.ArticleStore}), parameters are read once by the contract ({@link io.newssearch.search.SearchParameters}) into a request record, and every error
 * is a JSON body with a 4xx that names the problem — including the errors Jetty answers itself
 * ({@link io.newssearch.http.JettyErrors}). {@link io.newssearch.http.Routes} gives every GET a HEAD and every path
 * OPTIONS (and a 405 with {@code Allow} for other methods), {@link io.newssearch.http.Cors} answers browsers from
 * allowed origins, {@link io.newssearch.http.Readiness} holds the API at 503 while the first index is built.
 * {@link io.newssearch.http.ServerLimits} caps bodies and headers,
 * and {@link io.newssearch.http.ConnectionLimits} threads, connections and timeouts (with
 * {@code RequestHeadDeadline} for headers sent too slowly); {@code KeyAttempts} slows wrong admin keys per address; {@link io.newssearch.http.AccessLog} logs each
 * request with its {@link io.newssearch.http.RequestId}, {@link io.newssearch.http.RequestMetrics} feeds
 * {@link io.newssearch.http.Metrics} ({@code GET /metrics}); {@code GET /openapi.json} serves the resource file
 * {@code openapi.json}, which a test
 * keeps in step with the routes. {@link io.newssearch.http.Pages} serves the search page (HTML, one CSS, one JS
 * module from {@code src/main/resources/public/}), which only talks to the API.
 */
package io.newssearch.http;

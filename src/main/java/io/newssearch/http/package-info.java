/**
 * The HTTP API on Javalin: {@link io.newssearch.http.App} declares every route and error mapping, handlers are
 * small classes over the {@link io.newssearch.search.SearchService}, parameters are validated once into a
 * request record, and every error is a JSON body with a 4xx that names the problem. {@link
 * io.newssearch.http.Pages} serves the search page (HTML, one CSS, one JS module from
 * {@code src/main/resources/public/}), which only talks to the API.
 */
package io.newssearch.http;

/**
 * The HTTP API on Javalin: {@link io.newssearch.http.App} declares every route and error mapping, handlers are
 * small classes over the {@link io.newssearch.search.SearchService}, parameters are validated once into a
 * request record, and every error is a JSON body with a 4xx that names the problem.
 */
package io.newssearch.http;

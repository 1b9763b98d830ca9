/**
 * The news article as newssearch understands it: the {@link io.newssearch.article.Article} record, stable id
 * derivation and validation. No Lucene, no file formats: every other package depends on this one.
 */
package io.newssearch.article;

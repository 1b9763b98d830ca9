/**
 * People, organisations and places named in an article, found at index time. No named-entity
 * model ships in a Maven or Debian package we can use (Apache OpenNLP publishes language-detection,
 * sentence, token, POS and lemma models on Maven Central, but no name finders), so every language
 * uses the same gazetteer-free heuristics: capitalised-name patterns typed by cue words around them.
 * Scripts without letter case (Arabic, Persian, Chinese, Japanese) get no entities.
 */
package io.newssearch.entities;

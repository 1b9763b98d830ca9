/**
 * One story, many sources: near-duplicate signatures of article bodies (MinHash over word
 * shingles), locality-sensitive hashing bands to find candidates without a scan, and the
 * clustering rule that turns pairs above a similarity threshold into story ids. No Lucene here: the
 * engines store signatures and band keys, look candidates up ({@link io.newssearch.story.StoryCandidates}) and ask this package what to write.
 */
package io.newssearch.story;

package io.newssearch.ingest;

/**
 * One record cannot be turned into an article. Parsers catch it and hand its message to
 * {@link RecordSink#reject}, so it never escapes a parser: the file goes on.
 */
final class BadRecordException extends Exception {

  BadRecordException(String reason) {
    super(reason);
  }
}

package io.newssearch.ingest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one corpus file into {@link io.newssearch.article.Article}s. One implementation per input
 * format, registered in {@link CorpusFormat}. Parsers never see Lucene.
 *
 * <p>Error policy: a record that cannot be parsed is handed to {@link RecordSink#reject} with its
 * line and reason, and parsing goes on; an unreadable file throws {@link IOException}.
 */
public interface ArticleParser {

  void parse(Path file, RecordSink sink) throws IOException;
}

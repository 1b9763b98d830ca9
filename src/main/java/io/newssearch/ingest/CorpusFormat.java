package io.newssearch.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The input formats the indexer reads. PLACEHOLDER: the parsers land with the ingest work. */
public enum CorpusFormat {
  ;

  public ArticleParser parser() {
    throw new UnsupportedOperationException();
  }

  /** The format of {@code file}, from its name (and for .txt its first lines); empty if unknown. */
  public static Optional<CorpusFormat> detect(Path file) throws IOException {
    return Optional.empty();
  }
}

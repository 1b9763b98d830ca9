package io.newssearch.ingest;

import java.nio.file.Path;

/** A corpus file and the format it will be parsed with. */
public record CorpusFile(Path path, CorpusFormat format) {}

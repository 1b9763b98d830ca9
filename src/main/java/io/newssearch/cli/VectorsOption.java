package io.newssearch.cli;

import picocli.CommandLine.Option;

/** {@code --vectors}, shared by {@code index} and {@code serve}: the commands that write articles. */
final class VectorsOption {

  @Option(names = "--vectors",
      description = "Also index a vector of each English article (title + lede, all-MiniLM-L6-v2), for mode=semantic "
          + "and hybrid. The index remembers it: later runs, rebuilds and API writes keep adding them. Embedding is "
          + "about 100x slower than the rest of indexing. On SolrCloud the collection remembers it (a collection property).")
  boolean vectors;
}

package io.newssearch.ingest;

import io.newssearch.article.Article;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test sink: remembers what a parser accepted and rejected, with line numbers. */
final class CollectingSink implements RecordSink {

  record Accepted(Article article, int line) {}

  record Rejected(int line, String reason) {}

  final List<Accepted> accepted = new ArrayList<>();
  final List<Rejected> rejected = new ArrayList<>();

  @Override
  public void accept(Article article, int line) {
    accepted.add(new Accepted(article, line));
  }

  @Override
  public void reject(int line, String reason) {
    rejected.add(new Rejected(line, reason));
  }

  List<Article> articles() {
    return accepted.stream().map(Accepted::article).toList();
  }

  Article only() {
    if (accepted.size() != 1 || !rejected.isEmpty()) {
      throw new AssertionError("expected exactly one article, got " + accepted + " / " + rejected);
    }
    return accepted.getFirst().article();
  }

  static CollectingSink parse(CorpusFormat format, Path file) throws IOException {
    CollectingSink sink = new CollectingSink();
    format.parser().parse(file, sink);
    return sink;
  }

  /** A fixture under src/test/resources/ingest/. */
  static Path fixture(String relative) {
    try {
      return Path.of(CollectingSink.class.getResource("/ingest/" + relative).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no test fixture ingest/" + relative, e);
    }
  }
}

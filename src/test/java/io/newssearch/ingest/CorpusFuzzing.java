package io.newssearch.ingest;

import io.newssearch.Fuzzing;
import io.newssearch.article.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One corpus reader fed arbitrary file contents, as the indexer runs it: parse, then prepare
 * (validate, detect the language, extract tags and entities) every article it accepted.
 *
 * <p>What the reader may do ({@link ArticleParser}'s error policy): accept articles, reject
 * records with a line and a reason, or throw an {@link IOException} for a file it cannot read
 * (the indexer reports that file as failed). Anything else, in the reader or in the preparation,
 * is a finding; so is a rejection without a reason or an accepted article that cannot be prepared.
 */
final class CorpusFuzzing {

  private static final ArticlePreparer PREPARER = ArticlePreparer.standard();
  private static final Path SCRATCH;

  static {
    try {
      Path shm = Path.of("/dev/shm");
      SCRATCH = Files.isDirectory(shm) && Files.isWritable(shm)
          ? Files.createTempDirectory(shm, "newssearch-fuzz-") : Files.createTempDirectory("newssearch-fuzz-");
      SCRATCH.toFile().deleteOnExit();
      // language detection loads its model on first use: load it before any input is timed
      PREPARER.prepare(new Article(null, null, "Warm-up", "The harbour master said the tide was high.", null, null,
          List.of(), null, null));
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private CorpusFuzzing() {}

  /**
   * The readers' test fixtures under {@code src/test/resources/FOLDER} as seeds (a target's
   * {@code @MethodSource}), so the fuzzer starts from well-formed files without keeping copies.
   */
  static Stream<Arguments> seeds(String folder) throws IOException, URISyntaxException {
    Path root = Path.of(CorpusFuzzing.class.getResource("/" + folder).toURI());
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.add(Arguments.of((Object) Files.readAllBytes(f)));
      }
    }
    return out.stream();
  }

  /** @param fileName the name the reader sees (some read the language or an id from it), may contain a folder */
  static void parse(Class<?> testClass, CorpusFormat format, String fileName, byte[] contents) throws Exception {
    Path file = SCRATCH.resolve(fileName);
    Files.createDirectories(file.getParent());
    Files.write(file, contents);
    Fuzzing.run(testClass, contents, () -> {
      List<Article> accepted = new ArrayList<>();
      RecordSink sink = new RecordSink() {
        @Override
        public void accept(Article article, int line) {
          if (article == null || line < 1) {
            throw new AssertionError("accepted " + article + " at line " + line);
          }
          accepted.add(article);
        }

        @Override
        public void reject(int line, String reason) {
          if (line < 1 || reason == null || reason.isBlank()) {
            throw new AssertionError("rejected at line " + line + " without a reason: " + reason);
          }
        }
      };
      try {
        format.parser().parse(file, sink);
      } catch (IOException unreadable) {
        return; // the documented outcome for a file that cannot be read
      }
      for (Article a : accepted) {
        PREPARER.prepare(a);
      }
    });
  }
}

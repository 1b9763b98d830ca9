package io.newssearch.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lists the corpus files under the given roots: recursively, in a stable (sorted) order, skipping
 * hidden files, READMEs and licence notices, files whose format is unknown (reported in
 * {@link Listing#unknown}) and files that hold binary data whatever their name ({@link Listing#binary}).
 *
 * <p>A folder holding a whole-collection file ({@link CorpusFormat#isCollection}: Reuters SGML, a
 * TIME.ALL, a dataset CSV...) keeps its documentation beside it as plain {@code .txt} (category
 * lists, qrels, schema notes); such files would be read as scraped pages, so in those folders
 * {@link CorpusFormat#RAW_TEXT} files are reported in {@code unknown} instead of parsed.
 */
public final class CorpusWalker {

  /** Names of files that describe a corpus rather than belong to it. */
  private static final List<String> NOT_CONTENT = List.of("README", "LICENSE", "LICENCE", "NOTICE", "COPYING");

  private CorpusWalker() {}

  /**
   * @param unknown files of no format we read, and documentation beside a collection
   * @param binary files named like a format we read that hold binary data (skipped, not parsed
   *     into articles with a title of garbage)
   */
  public record Listing(List<CorpusFile> files, List<Path> unknown, List<Path> binary) {}

  public static Listing list(List<Path> roots) throws IOException {
    List<CorpusFile> files = new ArrayList<>();
    List<Path> unknown = new ArrayList<>();
    List<Path> binary = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.exists(root)) {
        throw new IOException("corpus path does not exist: " + root);
      }
      List<Path> paths;
      try (Stream<Path> walk = Files.walk(root)) {
        paths = walk.filter(Files::isRegularFile).filter(CorpusWalker::isContent).sorted().toList();
      }
      List<CorpusFile> found = new ArrayList<>();
      for (Path p : paths) {
        Optional<CorpusFormat> format = CorpusFormat.detect(p);
        if (format.isPresent() && TextFiles.looksBinary(p)) {
          binary.add(p);
        } else if (format.isPresent()) {
          found.add(new CorpusFile(p, format.get()));
        } else {
          unknown.add(p);
        }
      }
      Set<Path> collectionDirs = new HashSet<>();
      for (CorpusFile f : found) {
        if (f.format().isCollection()) collectionDirs.add(f.path().toAbsolutePath().getParent());
      }
      for (CorpusFile f : found) {
        boolean aside = f.format() == CorpusFormat.RAW_TEXT
            && collectionDirs.contains(f.path().toAbsolutePath().getParent());
        if (aside) {
          unknown.add(f.path());
        } else {
          files.add(f);
        }
      }
    }
    return new Listing(files, unknown, binary);
  }

  private static boolean isContent(Path p) {
    String name = p.getFileName().toString();
    String upper = name.toUpperCase(java.util.Locale.ROOT);
    return !name.startsWith(".") && NOT_CONTENT.stream().noneMatch(upper::startsWith);
  }
}

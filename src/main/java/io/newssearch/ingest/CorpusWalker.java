package io.newssearch.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lists the corpus files under the given roots: recursively, in a stable (sorted) order, skipping
 * hidden files and READMEs, and files whose format is unknown (reported in {@link Listing#unknown}).
 */
public final class CorpusWalker {

  private CorpusWalker() {}

  public record Listing(List<CorpusFile> files, List<Path> unknown) {}

  public static Listing list(List<Path> roots) throws IOException {
    List<CorpusFile> files = new ArrayList<>();
    List<Path> unknown = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.exists(root)) {
        throw new IOException("corpus path does not exist: " + root);
      }
      List<Path> paths;
      try (Stream<Path> walk = Files.walk(root)) {
        paths = walk.filter(Files::isRegularFile).filter(CorpusWalker::isContent).sorted().toList();
      }
      for (Path p : paths) {
        Optional<CorpusFormat> format = CorpusFormat.detect(p);
        if (format.isPresent()) {
          files.add(new CorpusFile(p, format.get()));
        } else {
          unknown.add(p);
        }
      }
    }
    return new Listing(files, unknown);
  }

  private static boolean isContent(Path p) {
    String name = p.getFileName().toString();
    return !name.startsWith(".") && !name.toUpperCase(java.util.Locale.ROOT).startsWith("README");
  }
}

package io.newssearch.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * Where an index lives on disk: generations {@code gen-000001/}, {@code gen-000002/}, ... under one
 * root, and a {@code CURRENT} file naming the live one.
 *
 * <p>This is what makes a rebuild atomic: it writes a fresh generation while readers keep using the
 * current one, and {@link #publish} switches {@code CURRENT} with an atomic rename only after the
 * new index is committed. A rebuild killed half-way leaves {@code CURRENT} untouched; its partial
 * generation is removed by the next rebuild.
 */
public final class IndexLayout {

  private static final String POINTER = "CURRENT";
  private static final String PREFIX = "gen-";

  /**
   * Opens the directory a writer writes a generation through: {@link FSDirectory} here, and in the
   * fault-injection tests a wrapper that fills the disk or fails I/O (Lucene's
   * {@code MockDirectoryWrapper}). Readers always open the files themselves, as another process
   * would.
   */
  @FunctionalInterface
  interface Directories {
    Directory open(Path generation) throws IOException;
  }

  private final Path root;
  private final Directories directories;

  public IndexLayout(Path root) {
    this(root, FSDirectory::open);
  }

  IndexLayout(Path root, Directories directories) {
    this.root = root.toAbsolutePath().normalize();
    this.directories = directories;
  }

  public Path root() {
    return root;
  }

  /** The directory to write {@code generation} through. */
  Directory openForWriting(Path generation) throws IOException {
    return directories.open(generation);
  }

  /** The live generation, if an index has been published here. */
  public Optional<Path> current() {
    Path pointer = root.resolve(POINTER);
    try {
      if (!Files.exists(pointer)) {
        return Optional.empty();
      }
      String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
      Path gen = root.resolve(name);
      return Files.isDirectory(gen) ? Optional.of(gen) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pointer, e);
    }
  }

  /** The live generation, creating and publishing an empty index first if there is none. */
  public synchronized Path ensureCurrent() throws IOException {
    Optional<Path> current = current();
    if (current.isPresent()) {
      return current.get();
    }
    Path gen = newGeneration();
    try (var dir = openForWriting(gen);
        var writer = new IndexWriter(dir, new IndexWriterConfig().setOpenMode(OpenMode.CREATE))) {
      writer.commit();
    }
    publish(gen);
    return gen;
  }

  /** A new, empty generation directory for a rebuild; removes leftovers of abandoned rebuilds. */
  public synchronized Path newGeneration() throws IOException {
    Files.createDirectories(root);
    List<Path> gens = generations();
    Optional<Path> live = current();
    for (Path g : gens) {
      boolean newerThanLive = live.isPresent() && g.getFileName().toString()
          .compareTo(live.get().getFileName().toString()) > 0;
      if (newerThanLive) {
        deleteTree(g); // a rebuild that never got published
      }
    }
    int next = gens.stream().mapToInt(IndexLayout::number).max().orElse(0) + 1;
    Path gen = root.resolve(String.format("%s%06d", PREFIX, next));
    Files.createDirectories(gen);
    return gen;
  }

  /**
   * Makes {@code gen} the live index with an atomic rename of the pointer file, then deletes all
   * generations but the new one and the one before it (a reader in another process may still be
   * finishing a search on that one).
   */
  public synchronized void publish(Path gen) throws IOException {
    Optional<Path> previous = current();
    Path tmp = root.resolve(POINTER + ".tmp");
    Files.writeString(tmp, gen.getFileName().toString() + "\n", StandardCharsets.UTF_8);
    // Durable before it is visible: without these a power cut could leave CURRENT empty, or naming
    // the old generation after the rebuild was reported done (the commit inside gen is already synced).
    IOUtils.fsync(tmp, false);
    Files.move(tmp, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    IOUtils.fsync(root, true); // the rename, and the new generation's own entry
    for (Path g : generations()) {
      if (!g.equals(gen) && !previous.map(g::equals).orElse(false)) {
        deleteTree(g);
      }
    }
  }

  /** The newest generation older than the live one: the one {@link #publish} keeps to fall back on. */
  public Optional<Path> previous() throws IOException {
    Optional<Path> live = current();
    if (live.isEmpty()) {
      return Optional.empty();
    }
    String liveName = live.get().getFileName().toString();
    return generations().stream()
        .filter(g -> g.getFileName().toString().compareTo(liveName) < 0)
        .reduce((older, newer) -> newer);
  }

  /**
   * Moves a generation out of the layout, renamed {@code gen-N.corrupt} (or {@code .corrupt-2},
   * ...), so that neither {@link #publish} nor {@link #newGeneration} deletes it: kept for an
   * operator to inspect, and removed by hand.
   */
  public synchronized Path setAside(Path gen) throws IOException {
    String name = gen.getFileName().toString() + CorruptGenerations.SUFFIX;
    Path target = root.resolve(name);
    for (int i = 2; Files.exists(target); i++) {
      target = root.resolve(name + "-" + i);
    }
    return Files.move(gen, target, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Bytes on disk of the live generation. */
  public long sizeOnDisk() throws IOException {
    Optional<Path> gen = current();
    if (gen.isEmpty()) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(gen.get())) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private List<Path> generations() throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(root)) {
      return children
          .filter(p -> Files.isDirectory(p) && p.getFileName().toString().matches(PREFIX + "\\d+"))
          .sorted()
          .toList();
    }
  }

  private static int number(Path gen) {
    return Integer.parseInt(gen.getFileName().toString().substring(PREFIX.length()));
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

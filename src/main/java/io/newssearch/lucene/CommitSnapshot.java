package io.newssearch.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of the live generation's latest commit, pinned in a directory of their own while an
 * index is being written, by another process as well as this one.
 *
 * <p>Why this works across processes: Lucene never changes a file once written; a commit only adds
 * files, and the writer deletes those no commit needs any more. A hard link taken to each file of a
 * commit keeps that commit readable whatever the writer deletes afterwards, at no cost in space or
 * time, without the writer's cooperation (a snapshot deletion policy would need to live in the
 * server process that owns the writer). Where links cannot be made (another file system) the files
 * are copied. A file that vanishes before it is linked means a newer commit replaced ours: the
 * snapshot starts again on the newest one.
 *
 * <p>The directory is {@code .snapshot-PID-N} under the index root (links need the same file
 * system) and is removed on {@link #close}; those of processes that died are removed by the next
 * snapshot.
 */
public final class CommitSnapshot implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(CommitSnapshot.class);
  private static final String PREFIX = ".snapshot-";
  private static final int ATTEMPTS = 20;
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final Path generation;
  private final Path directory;
  private final SegmentInfos commit;
  private final boolean linked;

  private CommitSnapshot(Path generation, Path directory, SegmentInfos commit, boolean linked) {
    this.generation = generation;
    this.directory = directory;
    this.commit = commit;
    this.linked = linked;
  }

  /** Pins the latest commit of the live generation of {@code layout}. */
  public static CommitSnapshot pin(IndexLayout layout) throws IOException {
    removeAbandoned(layout.root());
    IOException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Path generation = layout.current().orElseThrow(
          () -> new NoSuchFileException(layout.root().toString(), null, "no index has been published here"));
      Path staging = layout.root().resolve(PREFIX + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet());
      try {
        return pinOnce(generation, staging);
      } catch (NoSuchFileException e) {
        last = e; // a newer commit (or a rebuild) removed a file of ours: pin the newest one
        deleteTree(staging);
      } catch (IOException | RuntimeException e) {
        deleteTree(staging);
        throw e;
      }
    }
    throw new IOException("the index at " + layout.root() + " changed " + ATTEMPTS
        + " times while its latest commit was being pinned; retry", last);
  }

  private static CommitSnapshot pinOnce(Path generation, Path staging) throws IOException {
    SegmentInfos commit;
    try (Directory dir = FSDirectory.open(generation)) {
      commit = SegmentInfos.readLatestCommit(dir);
    }
    Files.createDirectories(staging);
    boolean link = true;
    for (String file : commit.files(true)) {
      Path source = generation.resolve(file);
      Path target = staging.resolve(file);
      if (link) {
        try {
          Files.createLink(target, source);
          continue;
        } catch (NoSuchFileException e) {
          throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
          log.debug("cannot hard-link {} ({}); copying instead", source, e.toString());
          link = false;
        }
      }
      Files.copy(source, target);
    }
    return new CommitSnapshot(generation, staging, commit, link);
  }

  /** The generation the commit belongs to. */
  public Path generation() {
    return generation;
  }

  /** The directory holding the commit's files (and nothing else); open it with FSDirectory. */
  public Path directory() {
    return directory;
  }

  /** The commit point file, {@code segments_N}. */
  public String segmentsFile() {
    return commit.getSegmentsFileName();
  }

  public long commitGeneration() {
    return commit.getGeneration();
  }

  /** Every file of the commit, the commit point included, sorted. */
  public List<String> files() throws IOException {
    List<String> files = new ArrayList<>(commit.files(true));
    files.sort(Comparator.naturalOrder());
    return files;
  }

  public Map<String, String> userData() {
    return commit.getUserData();
  }

  /** Whether the files are hard links (else copies). */
  public boolean linked() {
    return linked;
  }

  @Override
  public void close() throws IOException {
    deleteTree(directory);
  }

  /** Snapshots left behind by processes that no longer run. */
  private static void removeAbandoned(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> children = Files.list(root)) {
      for (Path p : children.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList()) {
        String rest = p.getFileName().toString().substring(PREFIX.length());
        int dash = rest.indexOf('-');
        try {
          long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
          if (ProcessHandle.of(pid).isEmpty()) {
            deleteTree(p);
          }
        } catch (NumberFormatException e) {
          // not one of ours
        }
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

package io.newssearch.lucene;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Lucene's CheckIndex on the published generation's latest commit: every file's checksum, then
 * every structure decoded (postings, stored fields, doc values, points, norms, term vectors). The
 * commit is pinned first ({@link CommitSnapshot}), so a server writing meanwhile neither disturbs
 * the check nor is disturbed by it (CheckIndex takes the write lock of the directory it checks:
 * here the pinned copy's, not the server's).
 */
public final class IndexCheck {

  private IndexCheck() {}

  /**
   * @param healthy true when CheckIndex found nothing wrong
   * @param problems one line per broken file or segment, naming it
   * @param output CheckIndex's own report, for {@code --verbose}
   */
  public record Report(Path generation, String segmentsFile, int segments, long documents, boolean healthy,
      List<String> problems, String output, long millis) {}

  public static Report run(IndexLayout layout) throws IOException {
    long start = System.nanoTime();
    try (CommitSnapshot snapshot = CommitSnapshot.pin(layout)) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      CheckIndex.Status status;
      List<String> problems = new ArrayList<>();
      try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
          Directory dir = FSDirectory.open(snapshot.directory());
          CheckIndex check = new CheckIndex(dir)) {
        check.setInfoStream(out, false);
        try {
          status = check.checkIndex();
        } catch (IOException | RuntimeException e) {
          // the commit point itself cannot be read: nothing below it can be checked
          problems.add(IndexIntegrity.describe(snapshot.generation(), e).describe());
          return new Report(snapshot.generation(), snapshot.segmentsFile(), 0, 0, false, problems,
              buffer.toString(StandardCharsets.UTF_8), millis(start));
        }
      }
      long documents = 0;
      for (CheckIndex.Status.SegmentInfoStatus segment : status.segmentInfos) {
        documents += segment.maxDoc - (segment.liveDocStatus == null ? 0 : segment.liveDocStatus.numDeleted);
        if (segment.error != null) {
          Throwable cause = rootCorruption(segment.error);
          problems.add("segment " + segment.name + ": " + IndexIntegrity.describe(snapshot.generation(), cause).describe());
        }
      }
      if (!status.clean && problems.isEmpty()) {
        problems.add("CheckIndex found the index unclean (" + status.numBadSegments + " bad segments); see --verbose");
      }
      return new Report(snapshot.generation(), snapshot.segmentsFile(), status.numSegments, documents,
          status.clean, problems, buffer.toString(StandardCharsets.UTF_8), millis(start));
    }
  }

  /** CheckIndex wraps what it finds ("Checksum validation failed"); the innermost corruption names the file. */
  private static Throwable rootCorruption(Throwable error) {
    Throwable found = error;
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (IndexIntegrity.isCorruption(t)) {
        found = t;
      }
    }
    return found;
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}

package io.newssearch.lucene;

import io.newssearch.lucene.IndexIntegrity.Corruption;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a generation found corrupt, and what is said about it afterwards.
 *
 * <p>Each finding is written down beside the files, in {@code CORRUPTION.txt} (which Lucene never
 * touches: it is not an index file name), so it outlives the process: {@code /health} of any
 * server on the index, now or after a restart, reports it until a new generation is published
 * (by a rebuild or a restore).
 *
 * <ul>
 *   <li>With an intact previous generation, the server falls back to it: {@code CURRENT} is
 *       switched to it (atomically, as a publish), then the corrupt one is set aside as
 *       {@code gen-N.corrupt}, kept for inspection, never deleted by newssearch.
 *   <li>Without one, the generation stays live, marked, and reported.
 * </ul>
 */
public final class CorruptGenerations {

  private static final Logger log = LoggerFactory.getLogger(CorruptGenerations.class);
  static final String SUFFIX = ".corrupt";
  static final String NOTE = "CORRUPTION.txt";
  private static final String ADVICE = "restore a backup (newssearch restore --from BACKUP --index DIR --force) "
      + "or rebuild the index (newssearch index --rebuild --corpus PATH)";

  private CorruptGenerations() {}

  /** Makes {@code previous} live again and sets the corrupt generation aside. */
  static void fallBack(IndexLayout layout, Corruption corruption, Path previous) throws IOException {
    Path corrupt = corruption.generation();
    writeNote(corrupt, corruption, previous.getFileName().toString());
    layout.publish(previous); // keeps the corrupt one as "the one before", so it is still there to move
    Path aside = layout.setAside(corrupt);
    log.error("""

        ******** INDEX CORRUPTION ********
        {}
        Serving the previous generation {} instead; it lacks what was written after it was replaced.
        The corrupt generation is kept as {}. To recover: {}.
        **********************************""",
        corruption.describe(), previous.getFileName(), aside, ADVICE);
  }

  /** Marks a live generation that is corrupt with nothing to fall back on. */
  static void markLive(Corruption corruption) throws IOException {
    writeNote(corruption.generation(), corruption, "");
    log.error("""

        ******** INDEX CORRUPTION ********
        {}
        There is no intact earlier generation to fall back on: searches that read the damaged file fail.
        To recover: {}.
        **********************************""", corruption.describe(), ADVICE);
  }

  /** The message for a server that refuses to start. */
  static String refusal(Corruption corruption) {
    return "the published index is corrupt (" + corruption.describe()
        + ") and there is no intact earlier generation to fall back on: " + ADVICE;
  }

  /** What /health reports about the live generation: empty when nothing is known to be wrong. */
  public static List<String> warnings(IndexLayout layout) throws IOException {
    Optional<Path> live = layout.current();
    if (live.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    Properties own = readNote(live.get());
    if (own != null) {
      out.add("the live index generation " + live.get().getFileName() + " is corrupt (" + own.getProperty("file")
          + ": " + own.getProperty("problem") + "), found " + own.getProperty("found")
          + "; searches that read the damaged file fail; " + ADVICE);
    }
    try (Stream<Path> children = Files.list(layout.root())) {
      for (Path aside : children.filter(p -> p.getFileName().toString().contains(SUFFIX)).sorted().toList()) {
        Properties note = readNote(aside);
        if (note != null && live.get().getFileName().toString().equals(note.getProperty("replaced_by"))) {
          out.add("index generation " + note.getProperty("generation") + " was found corrupt " + note.getProperty("found")
              + " (" + note.getProperty("file") + ": " + note.getProperty("problem") + ") and set aside as "
              + aside.getFileName() + "; serving the previous generation " + live.get().getFileName()
              + ", which lacks what was written after it was replaced; " + ADVICE
              + ", then remove " + aside.getFileName());
        }
      }
    }
    return out;
  }

  private static void writeNote(Path generation, Corruption corruption, String replacedBy) throws IOException {
    Properties note = new Properties();
    note.setProperty("generation", generation.getFileName().toString());
    note.setProperty("file", corruption.file());
    note.setProperty("problem", corruption.detail());
    note.setProperty("found", Instant.now().toString());
    note.setProperty("replaced_by", replacedBy);
    try (Writer w = Files.newBufferedWriter(generation.resolve(NOTE), StandardCharsets.UTF_8)) {
      note.store(w, "written by newssearch when this index generation was found corrupt");
    }
  }

  private static Properties readNote(Path dir) throws IOException {
    Path file = dir.resolve(NOTE);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Properties note = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      note.load(r);
    }
    return note;
  }
}

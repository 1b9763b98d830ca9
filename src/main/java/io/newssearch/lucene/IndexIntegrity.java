package io.newssearch.lucene;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Whether a generation's files are intact, at two prices.
 *
 * <ul>
 *   <li>{@link #whenOpened}: opening a reader reads the commit point ({@code segments_N}, whose
 *       checksum is verified), each segment's info and field infos (checksummed) and the header and
 *       footer of every other file (a truncated file fails here). Milliseconds, whatever the size:
 *       what {@code serve} checks before it starts.
 *   <li>{@link #checksums}: reads every byte of every file of the commit and compares each file's
 *       CRC32 with its footer, so a flipped bit anywhere is found. Linear in the index size (see
 *       the README's figures): {@code serve} runs it in the background after starting.
 * </ul>
 *
 * {@code newssearch check} runs Lucene's CheckIndex, which also decodes every structure.
 */
public final class IndexIntegrity {

  private static final Pattern RESOURCE_PATH = Pattern.compile("path=\"([^\"]+)\"");
  private static final Pattern SLICE = Pattern.compile("\\[slice=([^\\]]+)]");

  private IndexIntegrity() {}

  /** What is broken: the generation, the file (as precisely as Lucene says) and Lucene's words. */
  public record Corruption(Path generation, String file, String detail) {

    /** One line for logs and messages. */
    public String describe() {
      return generation.getFileName() + "/" + file + ": " + detail;
    }
  }

  /** The cheap check: does a reader open? Empty when it does. */
  public static Optional<Corruption> whenOpened(Path generation) throws IOException {
    try (Directory dir = FSDirectory.open(generation); DirectoryReader reader = DirectoryReader.open(dir)) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return classify(generation, e);
    }
  }

  /**
   * The full check of a pinned commit (so a writer deleting files it no longer needs is not taken
   * for damage): every file's checksum. Empty when all match.
   */
  public static Optional<Corruption> checksums(CommitSnapshot snapshot) throws IOException {
    Path generation = snapshot.generation();
    try (Directory dir = FSDirectory.open(snapshot.directory()); DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        codecReader(leaf.reader()).checkIntegrity();
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return classify(generation, e);
    }
  }

  /**
   * A corruption when {@code e} says the files are damaged; anything else (permissions, a disk
   * error) is rethrown: it is not the index's fault and must not make us abandon a generation.
   */
  private static Optional<Corruption> classify(Path generation, Exception e) throws IOException {
    if (!isCorruption(e)) {
      if (e instanceof IOException io) {
        throw io;
      }
      throw (RuntimeException) e;
    }
    return Optional.of(describe(generation, e));
  }

  /** The exceptions Lucene raises for damaged or missing index files. */
  public static boolean isCorruption(Throwable e) {
    return e instanceof CorruptIndexException || e instanceof EOFException
        || e instanceof IndexFormatTooOldException || e instanceof IndexFormatTooNewException
        || e instanceof NoSuchFileException || e instanceof FileNotFoundException;
  }

  /** The broken file named from Lucene's resource description, e.g. {@code _0.cfs (_0.fdt inside)}. */
  public static Corruption describe(Path generation, Throwable e) {
    String message = String.valueOf(e.getMessage());
    String file = "?";
    if (e instanceof NoSuchFileException missing && missing.getFile() != null) {
      file = Path.of(missing.getFile()).getFileName().toString();
    } else {
      Matcher m = RESOURCE_PATH.matcher(message);
      if (m.find()) {
        file = Path.of(m.group(1)).getFileName().toString();
      }
      Matcher slice = SLICE.matcher(message);
      if (slice.find()) {
        file += " (" + slice.group(1) + " inside)";
      }
    }
    String detail = e instanceof CorruptIndexException c ? c.getOriginalMessage() : message;
    return new Corruption(generation, file, e.getClass().getSimpleName() + ": " + detail);
  }

  private static CodecReader codecReader(LeafReader leaf) {
    LeafReader unwrapped = FilterLeafReader.unwrap(leaf);
    if (unwrapped instanceof CodecReader codec) {
      return codec;
    }
    throw new IllegalStateException("not a codec reader: " + unwrapped.getClass());
  }
}

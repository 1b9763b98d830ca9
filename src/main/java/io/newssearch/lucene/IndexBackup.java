package io.newssearch.lucene;

import io.newssearch.lucene.BackupManifest.FileEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.util.Version;

/**
 * Backups of the embedded index: the latest commit of the published generation, taken while a
 * server keeps writing ({@link CommitSnapshot}), copied out and verified file by file against a
 * manifest; and the way back, as a new generation published atomically.
 *
 * <p>A backup is a folder: {@code manifest.json} and {@code index/} (plain Lucene files, openable
 * by any Lucene 10 tool). It is written as {@code DEST.partial} and renamed to {@code DEST} only
 * once every file is verified, so a folder named {@code DEST} is always a whole backup.
 */
public final class IndexBackup {

  private IndexBackup() {}

  /** What a backup or restore did, for the command's summary line. */
  public record Outcome(BackupManifest manifest, Path generation, boolean linked, long millis) {}

  /** Copies the published generation's latest commit to {@code dest}, which must not exist. */
  public static Outcome backup(IndexLayout layout, Path dest) throws IOException {
    long start = System.nanoTime();
    dest = dest.toAbsolutePath().normalize();
    if (Files.exists(dest)) {
      throw new FileAlreadyExistsException(dest.toString(), null, "the backup destination exists; name a new one");
    }
    Path partial = dest.resolveSibling(dest.getFileName() + ".partial");
    CommitSnapshot.deleteTree(partial); // left by a backup that was killed
    Path files = Files.createDirectories(partial.resolve(BackupManifest.FILES_DIR));
    try (CommitSnapshot snapshot = CommitSnapshot.pin(layout)) {
      List<FileEntry> entries = new ArrayList<>();
      for (String name : snapshot.files()) {
        Files.copy(snapshot.directory().resolve(name), files.resolve(name));
        fsync(files.resolve(name));
      }
      fsync(files);
      long documents;
      try (Directory dir = FSDirectory.open(files)) {
        for (String name : snapshot.files()) {
          entries.add(entry(dir, files, name)); // read back from the copy: a bad copy fails here
        }
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
          documents = reader.numDocs();
        }
      }
      BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, Instant.now().toString(),
          layout.root().toString(), snapshot.generation().getFileName().toString(), snapshot.segmentsFile(),
          documents, Version.LATEST.toString(), new TreeMap<>(snapshot.userData()), entries);
      manifest.write(partial);
      fsync(partial.resolve(BackupManifest.FILE_NAME));
      fsync(partial);
      Files.move(partial, dest, StandardCopyOption.ATOMIC_MOVE);
      fsync(dest.getParent());
      return new Outcome(manifest, snapshot.generation(), snapshot.linked(), millis(start));
    } catch (IOException | RuntimeException e) {
      CommitSnapshot.deleteTree(partial);
      throw e;
    }
  }

  /** Checks every file of a backup against its manifest; the manifest when all match. */
  public static BackupManifest verify(Path backup) throws IOException {
    BackupManifest manifest = BackupManifest.read(backup);
    Path files = backup.resolve(BackupManifest.FILES_DIR);
    try (Directory dir = FSDirectory.open(files)) {
      for (FileEntry expected : manifest.files()) {
        if (!Files.isRegularFile(files.resolve(expected.name()))) {
          throw new IOException("backup " + backup + " is incomplete: " + expected.name() + " is missing");
        }
        FileEntry actual;
        try {
          actual = entry(dir, files, expected.name());
        } catch (IOException e) {
          throw new IOException("backup " + backup + " is damaged: " + expected.name() + ": " + e.getMessage(), e);
        }
        if (!actual.equals(expected)) {
          throw new IOException("backup " + backup + " is damaged: " + expected.name() + " is " + actual
              + " but the manifest says " + expected);
        }
      }
    }
    return manifest;
  }

  /**
   * Publishes a verified backup as a new generation. The generation it replaces stays on disk as
   * the previous one (the layout keeps one), so a mistaken restore can be undone until the next
   * rebuild or restore.
   *
   * @param force replace a live index that holds articles; without it only an absent, empty or
   *     corrupt index is replaced, so a restore cannot silently discard what was written since the
   *     backup
   */
  public static Outcome restore(Path backup, IndexLayout layout, boolean force) throws IOException {
    long start = System.nanoTime();
    BackupManifest manifest = verify(backup);
    RestoreGuard.check(layout, manifest, force);
    Path generation = layout.newGeneration();
    try {
      Path files = backup.resolve(BackupManifest.FILES_DIR);
      for (FileEntry f : manifest.files()) {
        Files.copy(files.resolve(f.name()), generation.resolve(f.name()));
        fsync(generation.resolve(f.name()));
      }
      fsync(generation);
      try (Directory dir = FSDirectory.open(generation); DirectoryReader reader = DirectoryReader.open(dir)) {
        if (reader.numDocs() != manifest.documents()) {
          throw new IOException("the restored index holds " + reader.numDocs() + " articles, the backup says "
              + manifest.documents());
        }
      }
      RestoreGuard.publishWhenNoWriter(layout, generation);
      return new Outcome(manifest, generation, false, millis(start));
    } catch (IOException | RuntimeException e) {
      CommitSnapshot.deleteTree(generation);
      throw e;
    }
  }

  private static FileEntry entry(Directory dir, Path folder, String name) throws IOException {
    long crc;
    try (IndexInput in = dir.openInput(name, IOContext.READONCE)) {
      crc = CodecUtil.checksumEntireFile(in); // recomputes the CRC32 and compares it with the footer
    }
    return new FileEntry(name, Files.size(folder.resolve(name)), Long.toHexString(crc), sha256(folder.resolve(name)));
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Forces a file or folder to disk, so a backup that says it is done survives a power cut. */
  private static void fsync(Path path) throws IOException {
    boolean dir = Files.isDirectory(path);
    try (FileChannel ch = FileChannel.open(path, dir ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}

package io.newssearch.alerts;

import io.newssearch.article.Article;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch's articles new to the alerts, each with the ids of the alerts it matched, written
 * compactly as they are matched and read back by the commit's recording (twice if that is undone).
 * A batch is held in memory while small (an API write) and moved to a file in the store's folder
 * once it passes {@link #IN_MEMORY} bytes, so a rebuild of millions of articles with an alert that
 * matches every one of them holds a constant amount of memory, not ~300 bytes a match until the
 * commit. A full disk fails the batch with the file system's message.
 *
 * <p>The file is locked while in use and deleted when the batch ends; files a crashed process left
 * (unlocked) are deleted by {@link #deleteAbandoned} when a store opens.
 */
final class StagedMatches implements Closeable {

  static final int IN_MEMORY = 1 << 20;
  private static final String PREFIX = "staged-";
  private static final String SUFFIX = ".matches";
  private static final int BUFFER = 1 << 16;

  /** One staged article: its seen-record key, and, when it matched, its fields and the alerts' ids. */
  record Staged(long hash, String id, String title, String url, String source, String language, Instant published,
      List<String> alerts) {}

  private final Path dir;
  private ByteArrayOutputStream memory = new ByteArrayOutputStream();
  private DataOutputStream out = new DataOutputStream(memory);
  private Path file;
  private FileChannel channel;
  private int articles;

  /** @param dir where a batch too large for memory is written */
  StagedMatches(Path dir) {
    this.dir = dir;
  }

  /**
   * Stages an article seen for the first time; {@code alerts} empty when it matched none.
   *
   * @throws IOException naming the folder, when the disk is full or the folder cannot be written
   */
  synchronized void add(long hash, Article a, List<String> alerts) throws IOException {
    try {
      out.writeLong(hash);
      out.writeInt(alerts.size());
      if (!alerts.isEmpty()) {
        write(a.id());
        write(a.title());
        write(a.url());
        write(a.source());
        write(a.language());
        out.writeLong(a.published() == null ? Long.MIN_VALUE : a.published().toEpochMilli());
        for (String alert : alerts) {
          write(alert);
        }
      }
      articles++;
      if (memory != null && memory.size() > IN_MEMORY) {
        spill();
      }
    } catch (IOException e) {
      throw new IOException("cannot stage the alert matches in " + dir + ": " + e, e);
    }
  }

  /** How many articles were staged. */
  synchronized int articles() {
    return articles;
  }

  /** Whether the batch went to a file (for tests). */
  synchronized boolean onDisk() {
    return file != null;
  }

  /** Everything staged, in the order added; read on one thread, while nothing more is added. */
  synchronized Reader read() throws IOException {
    out.flush();
    InputStream in = memory != null
        ? new ByteArrayInputStream(memory.toByteArray())
        : new BufferedInputStream(Files.newInputStream(file), BUFFER);
    return new Reader(new DataInputStream(in), articles);
  }

  /** Reads the staged articles back one at a time. */
  static final class Reader implements Closeable {
    private final DataInputStream in;
    private int left;

    private Reader(DataInputStream in, int articles) {
      this.in = in;
      this.left = articles;
    }

    /** The next staged article, null after the last. */
    Staged next() throws IOException {
      if (left == 0) {
        return null;
      }
      left--;
      try {
        long hash = in.readLong();
        int matched = in.readInt();
        if (matched == 0) {
          return new Staged(hash, null, null, null, null, null, null, List.of());
        }
        String id = readString(in);
        String title = readString(in);
        String url = readString(in);
        String source = readString(in);
        String language = readString(in);
        long published = in.readLong();
        List<String> alerts = new ArrayList<>(matched);
        for (int i = 0; i < matched; i++) {
          alerts.add(readString(in));
        }
        return new Staged(hash, id, title, url, source, language,
            published == Long.MIN_VALUE ? null : Instant.ofEpochMilli(published), alerts);
      } catch (EOFException e) {
        throw new IOException("the staged alert matches end early: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Ends the batch: its file, if any, is deleted. */
  @Override
  public synchronized void close() throws IOException {
    memory = null;
    if (file == null) {
      return;
    }
    try {
      out.close();
    } finally {
      channel.close(); // and with it the lock

      Files.deleteIfExists(file);
      file = null;
    }
  }

  /**
   * Deletes the staging files in {@code dir} that no process holds: a process that crashed while
   * staging left them. A file this or another live process is using stays.
   */
  static void deleteAbandoned(Path dir) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
      for (Path f : files) {
        try (FileChannel c = FileChannel.open(f, StandardOpenOption.WRITE)) {
          FileLock held = c.tryLock();
          if (held == null) {
            continue; // another process stages into it
          }
          held.release();
          Files.deleteIfExists(f);
        } catch (OverlappingFileLockException e) {
          // this process stages into it
        } catch (java.nio.file.NoSuchFileException e) {
          // its batch ended meanwhile
        }
      }
    }
  }

  private void spill() throws IOException {
    out.flush();
    file = Files.createTempFile(dir, PREFIX, SUFFIX);
    channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
    channel.lock(); // held until the channel closes: tells deleteAbandoned the file is in use
    OutputStream sink = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
    memory.writeTo(sink);
    memory = null;
    out = new DataOutputStream(sink);
  }

  private void write(String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}

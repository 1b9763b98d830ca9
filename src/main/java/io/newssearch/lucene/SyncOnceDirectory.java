package io.newssearch.lucene;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/**
 * A directory that fsyncs each file once. {@link org.apache.lucene.index.IndexWriter#commit} asks to
 * sync every file of every segment of the commit, and {@code FSDirectory} fsyncs each of them again:
 * on an index of a few dozen files an API write's commit made some 60 fsyncs of which only the
 * new segment's few carried data, and each one can cost milliseconds on a busy disk. Lucene never
 * changes a file once it is written, so a file fsynced by this directory stays durable; what was
 * written before it was opened (by a process that may have died before syncing) is synced on its
 * first commit, as before.
 *
 * <p>A name written or deleted again is forgotten, so it is synced again after its new write.
 */
final class SyncOnceDirectory extends FilterDirectory {

  private final Set<String> synced = ConcurrentHashMap.newKeySet();

  SyncOnceDirectory(Directory in) {
    super(in);
  }

  @Override
  public void sync(Collection<String> names) throws IOException {
    List<String> toSync = new ArrayList<>(names.size());
    for (String name : names) {
      if (!synced.contains(name)) {
        toSync.add(name);
      }
    }
    if (toSync.size() <= 1) {
      in.sync(toSync);
      synced.addAll(toSync);
      return;
    }
    // A new segment is a few files (.cfs, .cfe, .si): fsynced at once, the file system writes
    // them out together and commits its journal once for all, instead of once per file in turn.
    List<Thread> others = new ArrayList<>(toSync.size() - 1);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    for (String name : toSync.subList(1, toSync.size())) {
      others.add(Thread.ofVirtual().name("fsync " + name).start(() -> syncOne(name, failures)));
    }
    syncOne(toSync.get(0), failures);
    for (Thread t : others) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while syncing " + toSync);
      }
    }
    if (!failures.isEmpty()) {
      Throwable first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      if (first instanceof IOException io) throw io;
      if (first instanceof RuntimeException r) throw r;
      throw (Error) first;
    }
  }

  /** Fsyncs one file; only a file whose fsync succeeded counts as synced. */
  private void syncOne(String name, List<Throwable> failures) {
    try {
      in.sync(List.of(name));
      synced.add(name);
    } catch (IOException | RuntimeException | Error e) {
      failures.add(e);
    }
  }

  @Override
  public IndexOutput createOutput(String name, IOContext context) throws IOException {
    synced.remove(name);
    return in.createOutput(name, context);
  }

  @Override
  public void deleteFile(String name) throws IOException {
    synced.remove(name);
    in.deleteFile(name);
  }

  @Override
  public void rename(String source, String dest) throws IOException {
    // the renamed file's data was synced under its old name or not at all: the new name is synced
    // when asked, whatever the old one was
    synced.remove(source);
    synced.remove(dest);
    in.rename(source, dest);
  }
}

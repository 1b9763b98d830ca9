package io.newssearch.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each file is fsynced once; a commit syncs only what it added, and nothing it holds is left unsynced. */
class SyncOnceDirectoryTest {

  @TempDir Path dir;

  /** Records the names fsynced below; fails the fsync of names in {@link #failing}. */
  static final class Recording extends FilterDirectory {
    final Set<String> synced = ConcurrentHashMap.newKeySet();
    final Set<String> failing = ConcurrentHashMap.newKeySet();
    int calls;

    Recording(Directory in) {
      super(in);
    }

    @Override
    public synchronized void sync(Collection<String> names) throws IOException {
      for (String name : names) {
        if (failing.contains(name)) {
          throw new IOException("fsync failed: " + name);
        }
      }
      calls += names.size();
      in.sync(names);
      synced.addAll(names);
    }
  }

  @Test
  void a_commit_syncs_only_the_files_it_added_and_every_file_of_the_commit_is_synced() throws Exception {
    try (Recording below = new Recording(FSDirectory.open(dir));
        IndexWriter writer = new IndexWriter(new SyncOnceDirectory(below), new IndexWriterConfig(new StandardAnalyzer()))) {
      for (int i = 0; i < 5; i++) {
        writer.addDocument(doc("a" + i));
        writer.commit();
      }
      Set<String> before = Set.copyOf(SegmentInfos.readLatestCommit(below).files(false));
      assertTrue(below.synced.containsAll(before), "every file of the commit was fsynced");
      below.synced.clear();

      writer.addDocument(doc("b"));
      writer.commit();
      SegmentInfos latest = SegmentInfos.readLatestCommit(below);
      Set<String> added = new HashSet<>(latest.files(false));
      added.removeAll(before);
      assertFalse(added.isEmpty(), "the commit added a segment");
      Set<String> syncedNow = new HashSet<>(below.synced);
      syncedNow.removeIf(n -> n.startsWith("pending_segments"));
      assertEquals(added, syncedNow, "only the new segment's files were fsynced again");
      try (DirectoryReader reader = DirectoryReader.open(below)) {
        assertEquals(6, reader.numDocs());
      }
    }
  }

  @Test
  void a_file_written_again_under_its_name_is_synced_again() throws Exception {
    try (Recording below = new Recording(FSDirectory.open(dir)); SyncOnceDirectory once = new SyncOnceDirectory(below)) {
      write(once, "f");
      once.sync(List.of("f"));
      once.sync(List.of("f"));
      assertEquals(1, below.calls, "an unchanged file is fsynced once");
      once.deleteFile("f");
      write(once, "f");
      once.sync(List.of("f"));
      assertEquals(2, below.calls, "a new file under the same name is fsynced");
    }
  }

  @Test
  void a_failed_fsync_is_reported_and_the_file_is_synced_on_the_next_attempt() throws Exception {
    try (Recording below = new Recording(FSDirectory.open(dir)); SyncOnceDirectory once = new SyncOnceDirectory(below)) {
      for (String name : List.of("a", "b", "c")) {
        write(once, name);
      }
      below.failing.add("b");
      IOException e = assertThrows(IOException.class, () -> once.sync(List.of("a", "b", "c")));
      assertTrue(e.getMessage().contains("b"), e.getMessage());
      below.failing.clear();
      below.synced.clear();
      once.sync(List.of("a", "b", "c"));
      assertTrue(below.synced.contains("b"), "the file whose fsync failed is fsynced again");
    }
  }

  private static void write(Directory d, String name) throws IOException {
    try (IndexOutput out = d.createOutput(name, IOContext.DEFAULT)) {
      out.writeInt(42);
    }
  }

  private static Document doc(String id) {
    Document d = new Document();
    d.add(new StringField("id", id, Field.Store.YES));
    return d;
  }
}

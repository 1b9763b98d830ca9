package io.newssearch.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.newssearch.lucene.Schema;
import java.nio.file.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Story keys are the same for a story in every segment, and a segment's keys outlive a refresh. */
class StoryKeysTest {

  @TempDir Path dir;

  private static Document story(String id) {
    Document d = new Document();
    d.add(new SortedSetDocValuesField(Schema.STORY, new BytesRef(id)));
    return d;
  }

  private static long keyOf(LeafReader segment, int doc) throws Exception {
    SortedSetDocValues stories = segment.getSortedSetDocValues(Schema.STORY);
    stories.advanceExact(doc);
    return StoryKeys.of(segment)[(int) stories.nextOrd()];
  }

  @Test
  void a_story_has_one_key_in_every_segment_and_a_refresh_reuses_the_keys_of_unchanged_segments() throws Exception {
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setMergePolicy(org.apache.lucene.index.NoMergePolicy.INSTANCE))) {
      w.addDocument(story("s1"));
      w.addDocument(story("s2"));
      w.commit();
      w.addDocument(story("s2"));
      w.commit();
      try (DirectoryReader first = DirectoryReader.open(d)) {
        LeafReader a = first.leaves().get(0).reader(), b = first.leaves().get(1).reader();
        assertEquals(keyOf(a, 1), keyOf(b, 0), "s2 in both segments");
        assertNotEquals(keyOf(a, 0), keyOf(a, 1));
        long[] keysOfA = StoryKeys.of(a);

        w.addDocument(story("s3"));
        w.commit();
        try (DirectoryReader second = DirectoryReader.openIfChanged(first)) {
          assertEquals(3, second.leaves().size());
          assertSame(keysOfA, StoryKeys.of(second.leaves().get(0).reader()), "built once per segment, not per view");
        }
      }
    }
  }
}

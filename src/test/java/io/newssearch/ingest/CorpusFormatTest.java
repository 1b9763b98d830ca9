package io.newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusFormatTest {

  @TempDir Path tmp;

  @Test
  void formats_are_detected_from_names_and_txt_from_the_first_line() throws IOException {
    assertEquals(Optional.of(CorpusFormat.JSONL), CorpusFormat.detect(Path.of("a.jsonl")));
    assertEquals(Optional.of(CorpusFormat.JSONL), CorpusFormat.detect(Path.of("a.NDJSON")));
    assertEquals(Optional.of(CorpusFormat.JSONL), CorpusFormat.detect(Path.of("a.jsonl.gz")));
    assertEquals(Optional.of(CorpusFormat.HTML), CorpusFormat.detect(Path.of("a.htm")));
    assertEquals(Optional.of(CorpusFormat.HEADER_TEXT), CorpusFormat.detect(Path.of("a.md")));
    assertEquals(Optional.empty(), CorpusFormat.detect(Path.of("a.pdf")));
    assertEquals(Optional.empty(), CorpusFormat.detect(Path.of("Makefile")));
    Path header = Files.writeString(tmp.resolve("h.txt"), "\n\n  ---\ntitle: x\n---\nbody\n");
    Path raw = Files.writeString(tmp.resolve("r.txt"), "Home\n---\n");
    assertEquals(Optional.of(CorpusFormat.HEADER_TEXT), CorpusFormat.detect(header));
    assertEquals(Optional.of(CorpusFormat.RAW_TEXT), CorpusFormat.detect(raw));
  }

  @Test
  void walker_lists_known_files_in_order_and_reports_unknown_ones() throws IOException {
    Files.createDirectories(tmp.resolve("b"));
    Path md = Files.writeString(tmp.resolve("b/story.md"), "# T\n\nText.\n");
    Path jsonl = Files.writeString(tmp.resolve("a.jsonl"), "{}\n");
    Path pdf = Files.writeString(tmp.resolve("c.pdf"), "%PDF");
    Files.writeString(tmp.resolve(".hidden.jsonl"), "{}\n");
    Files.writeString(tmp.resolve("README.md"), "# corpus\n");
    CorpusWalker.Listing listing = CorpusWalker.list(List.of(tmp));
    assertEquals(List.of(new CorpusFile(jsonl, CorpusFormat.JSONL), new CorpusFile(md, CorpusFormat.HEADER_TEXT)),
        listing.files());
    assertEquals(List.of(pdf), listing.unknown());
  }

  @Test
  void walker_leaves_plain_text_beside_a_collection_file_and_licences_unread() throws IOException {
    Path reuters = Files.createDirectories(tmp.resolve("reuters"));
    Path sgm = Files.copy(CollectingSink.fixture("reuters/reut2-000.sgm"), reuters.resolve("reut2-000.sgm"));
    Path topics = Files.writeString(reuters.resolve("all-topics-strings.lc.txt"), "acq\nalum\n");
    Files.writeString(reuters.resolve("LICENSE"), "Free for research.\n");
    Path story = Files.writeString(tmp.resolve("story.txt"), "Harbour reopens\n\nThe harbour reopened today.\n");
    CorpusWalker.Listing listing = CorpusWalker.list(List.of(tmp));
    assertEquals(List.of(new CorpusFile(sgm, CorpusFormat.REUTERS_SGML), new CorpusFile(story, CorpusFormat.RAW_TEXT)),
        listing.files());
    assertEquals(List.of(topics), listing.unknown());
  }

  @Test
  void walker_fails_loudly_on_a_missing_root() {
    assertThrows(IOException.class, () -> CorpusWalker.list(List.of(tmp.resolve("nope"))));
  }
}

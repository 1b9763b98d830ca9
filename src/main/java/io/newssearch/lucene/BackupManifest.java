package io.newssearch.lucene;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of a backup: which commit it holds and, per file, its size, Lucene's own
 * CRC32 (from the file's footer) and a SHA-256 ({@code sha256sum}-compatible, so a backup can be
 * checked without newssearch). Restore refuses a backup whose files do not match it.
 */
public record BackupManifest(
    int format,
    String created,
    @JsonProperty("source_index") String sourceIndex,
    String generation,
    @JsonProperty("segments_file") String segmentsFile,
    long documents,
    @JsonProperty("lucene_version") String luceneVersion,
    @JsonProperty("commit_user_data") Map<String, String> commitUserData,
    List<FileEntry> files) {

  public static final int FORMAT = 1;
  public static final String FILE_NAME = "manifest.json";
  /** The index files sit in this folder of a backup, beside the manifest. */
  public static final String FILES_DIR = "index";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public record FileEntry(String name, long size, String crc32, String sha256) {}

  public long totalBytes() {
    return files.stream().mapToLong(FileEntry::size).sum();
  }

  void write(Path backup) throws IOException {
    JSON.writeValue(backup.resolve(FILE_NAME).toFile(), this);
  }

  public static BackupManifest read(Path backup) throws IOException {
    Path file = backup.resolve(FILE_NAME);
    if (!file.toFile().isFile()) {
      throw new java.nio.file.NoSuchFileException(file.toString(), null, "not a newssearch backup (no " + FILE_NAME + ")");
    }
    BackupManifest m = JSON.readValue(file.toFile(), BackupManifest.class);
    if (m.format() != FORMAT) {
      throw new IOException(file + " has format " + m.format() + "; this newssearch reads format " + FORMAT);
    }
    return m;
  }
}

package io.newssearch.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Opens corpus files as UTF-8 text, gunzipping {@code .gz} files, dropping a byte-order mark and
 * replacing undecodable bytes with U+FFFD: one stray Latin-1 byte should cost a character, not the
 * whole file. A file that starts with a UTF-16 byte-order mark is read as UTF-16 (what Windows
 * PowerShell's {@code >} and Excel's "Unicode text" write).
 */
final class TextFiles {

  private TextFiles() {}

  static BufferedReader open(Path file) throws IOException {
    return open(file, StandardCharsets.UTF_8);
  }

  /** As {@link #open(Path)}, in another charset (Reuters-21578 is Latin-1). */
  static BufferedReader open(Path file, Charset charset) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file));
    try {
      if (isGzip(file)) {
        in = new BufferedInputStream(new GZIPInputStream(in));
      }
      in.mark(2);
      Charset marked = utf16(in.readNBytes(2));
      in.reset();
      var decoder = (marked != null ? marked : charset).newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder));
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
      return reader;
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  /** Bytes looked at to tell text from binary data. */
  private static final int SNIFF_BYTES = 8192;

  /**
   * Whether the file (inflated, if gzipped) holds binary data rather than text in any encoding:
   * a NUL byte, or more than 2% of control characters other than tab, line feed, form feed and
   * carriage return, in its first 8 KB. Text in UTF-8 or Latin-1 has neither (Reuters-21578 has one
   * ETX per article); random bytes, images and archives have both. An unreadable gzip is binary.
   */
  static boolean looksBinary(Path file) throws IOException {
    byte[] head;
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = isGzip(file) ? new GZIPInputStream(raw) : raw) {
      head = in.readNBytes(SNIFF_BYTES);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      return true;
    }
    if (utf16(head) != null) {
      return false;
    }
    int controls = 0;
    for (byte b : head) {
      if (b == 0) {
        return true;
      }
      if (b > 0 && b < 32 && b != '\t' && b != '\n' && b != '\f' && b != '\r') {
        controls++;
      }
    }
    return controls * 50 > head.length;
  }

  static String read(Path file) throws IOException {
    return read(file, StandardCharsets.UTF_8);
  }

  static String read(Path file, Charset charset) throws IOException {
    if (!isGzip(file)) {
      // One read and one decode (bad bytes become U+FFFD here too): several times faster than a Reader.
      byte[] bytes = Files.readAllBytes(file);
      Charset marked = utf16(bytes);
      String text = new String(bytes, marked != null ? marked : charset);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
    try (BufferedReader r = open(file, charset)) {
      StringBuilder b = new StringBuilder();
      char[] buf = new char[8192];
      for (int n; (n = r.read(buf)) > 0; ) {
        b.append(buf, 0, n);
      }
      return b.toString();
    }
  }

  /** UTF-16 in the byte order its byte-order mark says, when the bytes start with one; else null. */
  private static Charset utf16(byte[] head) {
    if (head.length < 2) return null;
    if (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) return StandardCharsets.UTF_16LE;
    if (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) return StandardCharsets.UTF_16BE;
    return null;
  }

  /** The first line with any non-space character, stripped; empty when the file has none. */
  static String firstNonEmptyLine(Path file) throws IOException {
    try (BufferedReader r = open(file)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank()) return line.strip();
      }
      return "";
    }
  }

  /**
   * The first line, read from at most the file's first 4 KB so sniffing an unknown (maybe binary)
   * file stays cheap; empty when the file is empty.
   */
  static String head(Path file) throws IOException {
    try (BufferedReader r = open(file)) {
      char[] buf = new char[4096];
      int n = r.read(buf);
      if (n <= 0) return "";
      String s = new String(buf, 0, n);
      int eol = s.indexOf('\n');
      return (eol < 0 ? s : s.substring(0, eol)).strip();
    }
  }

  /** The file name without a trailing ".gz", lower case: "x.jsonl.gz" is read as "x.jsonl". */
  static String logicalName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
  }

  /** The logical name without its last extension: "test.csv.gz" is "test", "x.lines.txt" is "x.lines". */
  static String stem(Path file) {
    String name = logicalName(file);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  private static boolean isGzip(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
  }
}

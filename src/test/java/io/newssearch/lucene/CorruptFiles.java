package io.newssearch.lucene;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Damages real index files the way disks and copies do: cut short, or one bit flipped. */
final class CorruptFiles {

  private CorruptFiles() {}

  /** The largest index file of a generation (the compound file of a small index): where damage hurts. */
  static Path largest(Path generation) throws IOException {
    try (Stream<Path> files = Files.list(generation)) {
      return files.filter(p -> p.getFileName().toString().startsWith("_"))
          .max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
    }
  }

  /** Cuts the file to half its length, as a copy interrupted or a disk that filled up. */
  static Path truncate(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(f.length() / 2);
    }
    return file;
  }

  /** Flips one bit in the middle of the file, as a failing disk or memory does. */
  static Path flipBit(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      long at = f.length() / 2;
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0x10);
    }
    return file;
  }
}

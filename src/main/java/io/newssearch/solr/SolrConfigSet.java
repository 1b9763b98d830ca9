package io.newssearch.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The configset that ships in the project ({@code src/main/resources/solr/newssearch/conf}: the
 * schema mirroring our fields and analysis, and the Solr configuration), read from the classpath.
 *
 * <p>Its name in the cluster carries a hash of its files ({@code newssearch-1a2b3c4d}), so a
 * release that changes the schema uploads a new configset beside the old one: collections keep the
 * schema they were built with, and the next rebuild takes the new one.
 */
public final class SolrConfigSet {

  /** Where the files are, on the classpath and under src/main/resources. */
  public static final String RESOURCE_DIR = "solr/newssearch/conf";
  static final String NAME_PREFIX = "newssearch-";

  private final Map<String, byte[]> files;
  private final String name;

  private SolrConfigSet(Map<String, byte[]> files) {
    this.files = files;
    this.name = NAME_PREFIX + hash(files).substring(0, 8);
  }

  /** The configset of this build. */
  public static SolrConfigSet current() {
    return new SolrConfigSet(read());
  }

  /** The name to upload it under and to create collections with. */
  public String name() {
    return name;
  }

  /** File path inside the configset (e.g. {@code lang/stopwords_fr.txt}) → contents, sorted. */
  public Map<String, byte[]> files() {
    return files;
  }

  /** The files as a zip, the form Solr's configset upload takes. */
  public byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var e : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Map<String, byte[]> read() {
    URL url = SolrConfigSet.class.getClassLoader().getResource(RESOURCE_DIR);
    if (url == null) {
      throw new IllegalStateException(RESOURCE_DIR + " is not on the classpath");
    }
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return readTree(Path.of(uri));
      }
      FileSystem jar;
      try {
        jar = FileSystems.newFileSystem(uri, Map.of());
      } catch (FileSystemAlreadyExistsException e) {
        jar = FileSystems.getFileSystem(uri);
      }
      return readTree(jar.getPath(RESOURCE_DIR));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Solr configset from " + url, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, byte[]> readTree(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
        out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return out;
  }

  private static String hash(Map<String, byte[]> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (var e : files.entrySet()) {
        sha.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(e.getValue());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

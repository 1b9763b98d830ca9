package io.newssearch.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a request body for the endpoints that take one: its media type checked against what the
 * endpoint accepts (else 415 naming them), a {@code Content-Encoding: gzip} body inflated, and the
 * size limit applied to the bytes after inflating, so a small compressed body that inflates to
 * gigabytes (a gzip bomb) is a 413 after at most the limit has been read, never a full heap.
 */
final class RequestBody {

  /** What the endpoints that take one JSON object accept ({@code POST /api/search}, {@code /api/alerts}). */
  static final List<String> JSON_ONLY = List.of("application/json");

  private final long maxBytes;

  RequestBody(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * The media type of the body, lower case without parameters ({@code application/json}), or
   * null when the request does not say.
   *
   * @throws HttpError 415 when it says something not in {@code accepted}
   */
  static String mediaType(Context ctx, List<String> accepted) {
    String header = ctx.header("Content-Type");
    if (header == null || header.isBlank()) {
      return null;
    }
    String type = header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!accepted.contains(type)) {
      throw new HttpError(415, "unsupported_media_type", "Content-Type '" + type + "' is not accepted by "
          + ctx.method() + " " + ctx.path() + "; send " + String.join(" or ", accepted));
    }
    return type;
  }

  /** The body as UTF-8 text, inflated when gzip-encoded. */
  String text(Context ctx) throws IOException {
    byte[] bytes = bytes(ctx);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new HttpError(400, "invalid_encoding", "the body is not UTF-8 text");
    }
  }

  private byte[] bytes(Context ctx) throws IOException {
    String encoding = ctx.header("Content-Encoding");
    String coding = encoding == null ? "identity" : encoding.strip().toLowerCase(Locale.ROOT);
    InputStream raw = ctx.req().getInputStream();
    try {
      return switch (coding) {
        case "", "identity" -> readBounded(raw);
        case "gzip", "x-gzip" -> inflate(raw);
        default -> throw new HttpError(415, "unsupported_encoding", "Content-Encoding '" + encoding
            + "' is not accepted; send the body as it is or gzip-compressed (Content-Encoding: gzip)");
      };
    } catch (HttpError e) {
      if (e.status() == 413) {
        ctx.header("Connection", "close"); // the rest of the body is not read
      }
      throw e;
    }
  }

  private byte[] inflate(InputStream raw) throws IOException {
    try (InputStream in = new GZIPInputStream(raw)) {
      return readBounded(in);
    } catch (ZipException | java.io.EOFException e) {
      throw new HttpError(400, "invalid_encoding", "the body says Content-Encoding: gzip but is not valid gzip data");
    }
  }

  /** At most the limit, read in chunks: one byte past it and the request is refused. */
  private byte[] readBounded(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    for (int n; (n = in.read(buffer)) != -1; ) {
      if (out.size() + (long) n > maxBytes) {
        throw BodyLimit.tooLarge("more than the limit once inflated", maxBytes);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}

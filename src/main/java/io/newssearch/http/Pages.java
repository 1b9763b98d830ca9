package io.newssearch.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The search page and its assets, read once from {@code src/main/resources/public/} in the jar.
 *
 * <p>Caching: HTML is {@code no-cache} (always revalidated, so a new deployment shows at once), the
 * CSS and JS are cached for a day. The HTML names the assets as {@code app.js?v=HASH} with the hash
 * of their content, so a changed asset is a new URL and the day-long cache never serves a stale
 * one. Every response has a strong ETag and answers {@code If-None-Match} with 304.
 */
final class Pages {

  static final String HTML_CACHE = "no-cache";
  static final String ASSET_CACHE = "public, max-age=86400";

  /** One served file: bytes, type, ETag and cache policy. */
  record Resource(byte[] bytes, String contentType, String etag, String cacheControl) implements Handler {
    @Override
    public void handle(Context ctx) {
      ctx.header("Cache-Control", cacheControl);
      ctx.header("ETag", etag);
      if (contentType.startsWith("text/html")) {
        ResponseHeaders.htmlPage(ctx);
      }
      String ifNoneMatch = ctx.header("If-None-Match");
      if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
        ctx.status(304);
        return;
      }
      ctx.contentType(contentType).result(bytes);
    }
  }

  private final Map<String, Resource> assets = new LinkedHashMap<>();
  private final Resource searchPage;
  private final Resource articlePage;

  private Pages() {
    assets.put("app.css", asset("app.css", "text/css; charset=utf-8"));
    assets.put("app.js", asset("app.js", "text/javascript; charset=utf-8"));
    assets.put("favicon.svg", asset("favicon.svg", "image/svg+xml"));
    searchPage = html("search.html");
    articlePage = html("article.html");
  }

  /** Loads every page and asset; a missing file fails the start, not the first request. */
  static Pages load() {
    return new Pages();
  }

  Handler searchPage() {
    return searchPage;
  }

  Handler articlePage() {
    return articlePage;
  }

  /** {@code /assets/{name}}: a known asset, or 404 (the names are a fixed list, not a path). */
  Handler assets() {
    return ctx -> {
      Resource r = assets.get(ctx.pathParam("name"));
      if (r == null) {
        throw HttpError.notFound("no asset named '" + ctx.pathParam("name") + "'");
      }
      r.handle(ctx);
    };
  }

  private static Resource asset(String name, String type) {
    byte[] bytes = read(name);
    return new Resource(bytes, type, etag(bytes), ASSET_CACHE);
  }

  /** HTML with {@code {{v:NAME}}} replaced by the asset's content hash (cache busting). */
  private Resource html(String name) {
    String text = new String(read(name), StandardCharsets.UTF_8);
    for (var e : assets.entrySet()) {
      String etag = e.getValue().etag();
      text = text.replace("{{v:" + e.getKey() + "}}", etag.substring(1, 11));
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new Resource(bytes, "text/html; charset=utf-8", etag(bytes), HTML_CACHE);
  }

  private static byte[] read(String name) {
    try (InputStream in = Pages.class.getResourceAsStream("/public/" + name)) {
      if (in == null) {
        throw new IllegalStateException("page resource missing from the jar: /public/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

package io.newssearch.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Derives a stable id for an article that has none, so reindexing the same corpus updates articles
 * instead of duplicating them: from the url when there is one, else from source + title + date.
 */
public final class ArticleIds {

  private ArticleIds() {}

  public static String derive(Article a) {
    String key;
    if (a.url() != null && !a.url().isBlank()) {
      key = "url:" + normaliseUrl(a.url());
    } else {
      key = "sig:" + lower(a.source()) + "|" + lower(a.title()) + "|"
          + (a.published() == null ? "" : a.published().toString());
      if (a.title() == null || a.title().isBlank()) {
        key += "|" + lower(a.body());
      }
    }
    return sha1(key).substring(0, 16);
  }

  /** Scheme and host are case-insensitive and a trailing slash or fragment names the same page. */
  static String normaliseUrl(String url) {
    String u = url.strip();
    int hash = u.indexOf('#');
    if (hash >= 0) u = u.substring(0, hash);
    while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
    return u.toLowerCase(Locale.ROOT);
  }

  private static String lower(String s) {
    return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
  }

  private static String sha1(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }
}

package io.newssearch.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.OptionalLong;

/** The bearer-key check in front of every write endpoint; wrong keys are slowed per address ({@link KeyAttempts}). */
final class AdminAuth {

  private final Optional<byte[]> key;
  private final KeyAttempts attempts = new KeyAttempts();

  AdminAuth(Optional<String> key) {
    this.key = key.filter(k -> !k.isBlank()).map(k -> k.getBytes(StandardCharsets.UTF_8));
  }

  void require(Context ctx) {
    if (key.isEmpty()) {
      throw new HttpError(403, "writes_disabled", "write endpoints are disabled: start the server with "
          + WriteAccess.KEY_ENV + "=<key> in the environment or --admin-key <key> to enable them");
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new HttpError(401, "unauthorized", "this endpoint needs 'Authorization: Bearer <admin key>'");
    }
    String address = ctx.ip();
    OptionalLong wait = attempts.lockedOut(address);
    if (wait.isPresent()) {
      ctx.header("Retry-After", Long.toString(wait.getAsLong()));
      throw new HttpError(429, "too_many_attempts", "too many wrong admin keys from this address; retry in "
          + wait.getAsLong() + " s");
    }
    byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    // MessageDigest.isEqual takes the same time wherever the keys differ.
    if (!MessageDigest.isEqual(given, key.get())) {
      attempts.failed(address);
      ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      throw new HttpError(401, "unauthorized", "the admin key is wrong");
    }
    attempts.succeeded(address);
  }
}

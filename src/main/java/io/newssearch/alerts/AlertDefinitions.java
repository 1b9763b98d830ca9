package io.newssearch.alerts;

import io.newssearch.search.InvalidRequestException;
import io.newssearch.search.Parameters;
import io.newssearch.search.QueryChecker;
import io.newssearch.search.SearchParameters;
import io.newssearch.search.SearchRequest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a new alert, the same way for {@code POST /api/alerts} (a JSON object) and {@code
 * newssearch alerts add} (options): {@code name}, an optional {@code webhook}, and the selecting
 * parameters of a search, each read by {@link SearchParameters}' rule and the query checked by
 * {@link QueryChecker} as a search would check it. Anything else is an error naming it.
 */
public final class AlertDefinitions {

  public static final String NAME = "name";
  public static final String WEBHOOK = "webhook";
  public static final int MAX_NAME = 200;
  private static final Set<String> SINGLE = names(false);
  private static final Set<String> MULTI = names(true);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final QueryChecker checker;
  private final WebhookPolicy webhooks;

  public AlertDefinitions(QueryChecker checker, WebhookPolicy webhooks) {
    this.checker = checker;
    this.webhooks = webhooks;
  }

  private static Set<String> names(boolean repeatable) {
    Set<String> out = new HashSet<>();
    for (String p : SearchParameters.SELECTING) {
      if (SearchParameters.MULTI.contains(p) == repeatable) {
        out.add(p);
      }
    }
    if (!repeatable) {
      out.add(NAME);
      out.add(WEBHOOK);
    }
    return Set.copyOf(out);
  }

  /**
   * A new alert with a fresh id and feed token.
   *
   * @throws InvalidRequestException naming the parameter at fault
   */
  public Alert create(Map<String, List<String>> given) {
    Parameters p = Parameters.of(given, SINGLE, MULTI);
    String name = p.text(NAME, "").strip();
    if (name.isEmpty()) {
      throw InvalidRequestException.parameter(NAME, "is required: a few words saying what the alert follows");
    }
    if (name.length() > MAX_NAME) {
      throw InvalidRequestException.parameter(NAME, "may be at most " + MAX_NAME + " characters");
    }
    String webhook = p.text(WEBHOOK, null);
    if (webhook != null) {
      webhook = webhooks.check(webhook);
    }
    Map<String, List<String>> search = new LinkedHashMap<>();
    for (var e : given.entrySet()) {
      List<String> values = e.getValue().stream().filter(v -> !v.isBlank()).map(String::strip).toList();
      if (SearchParameters.SELECTING.contains(e.getKey()) && !values.isEmpty()) {
        search.put(e.getKey(), values);
      }
    }
    Alert alert = new Alert(newId(), name, search, webhook, token(), Instant.now());
    SearchRequest r = alert.request();
    checker.check(r.query(), r.strict(), r.matchAll());
    return alert;
  }

  private static String newId() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return "al-" + java.util.HexFormat.of().formatHex(b);
  }

  /** 256 random bits: the feed URL is its own credential, so it must not be guessable. */
  private static String token() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}

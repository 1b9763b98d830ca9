package io.newssearch.alerts;

import io.newssearch.search.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Where webhooks may go: only to the hosts an operator allowed ({@code serve --webhook-allow
 * HOST[:PORT]}, repeatable), none by default. A server that POSTs to any URL a client names can be
 * turned against the network it sits in, so the list is the operator's, checked when an alert is
 * made. A {@code HOST} entry allows every port of that host, {@code HOST:PORT} that port only.
 */
public record WebhookPolicy(List<String> allowed) {

  public static final WebhookPolicy NONE = new WebhookPolicy(List.of());

  public WebhookPolicy {
    allowed = allowed.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    for (String a : allowed) {
      int colon = a.lastIndexOf(':');
      if (colon >= 0 && !a.endsWith("]") && !a.substring(colon + 1).matches("\\d{1,5}")) {
        throw new IllegalArgumentException("--webhook-allow '" + a + "': expected HOST or HOST:PORT");
      }
    }
  }

  /**
   * @return the URL, normalised
   * @throws InvalidRequestException naming {@code webhook} when it is not an http(s) URL to an allowed host
   */
  public String check(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw InvalidRequestException.parameter("webhook", "'" + url + "' is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw InvalidRequestException.parameter("webhook", "'" + url + "' must be an http:// or https:// URL with a host");
    }
    if (uri.getUserInfo() != null) {
      throw InvalidRequestException.parameter("webhook", "may not carry a user name or password");
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    if (allowed.isEmpty()) {
      throw InvalidRequestException.parameter("webhook", "webhooks are off on this server: start it with "
          + "--webhook-allow HOST[:PORT] to allow a host");
    }
    if (!allowed.contains(host) && !allowed.contains(host + ":" + port)) {
      throw InvalidRequestException.parameter("webhook", "host '" + host + ":" + port + "' is not allowed; this "
          + "server allows " + allowed + " (serve --webhook-allow HOST[:PORT])");
    }
    return uri.toString();
  }
}

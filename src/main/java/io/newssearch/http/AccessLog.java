package io.newssearch.http;

import java.util.Locale;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One access-log line per request, written by Jetty once the response is sent, so it also covers
 * the requests Jetty answers itself (a URI too long) and knows the bytes that went out (after
 * compression): client address, method, path with query string, status, bytes, milliseconds and
 * request id. The logging layout adds the timestamp; in JSON each part is also a field of its own.
 * Never the body or any other header, so an {@code Authorization} key cannot reach the log.
 */
final class AccessLog implements RequestLog {

  /** A logger of its own, so deployments can route or silence the access log in logback.xml. */
  static final Logger log = LoggerFactory.getLogger("io.newssearch.http.access");

  @Override
  public void log(Request request, Response response) {
    if (!log.isInfoEnabled()) {
      return;
    }
    String client = Request.getRemoteAddr(request);
    String path = request.getHttpURI().getPathQuery();
    int status = response.getStatus();
    // Jetty counts what the handler wrote, which for HEAD is never sent
    long bytes = request.getMethod().equals("HEAD") ? 0 : Response.getContentBytesWritten(response);
    double ms = (System.nanoTime() - request.getBeginNanoTime()) / 1e6;
    String id = response.getHeaders().get(RequestId.HEADER);
    log.atInfo()
        .addKeyValue("client", client).addKeyValue("method", request.getMethod()).addKeyValue("path", path)
        .addKeyValue("status", status).addKeyValue("bytes", bytes).addKeyValue("ms", Math.round(ms * 10) / 10.0)
        .addKeyValue("request_id", id)
        .log("{} {} {} {} {}B {}ms {}", client, request.getMethod(), path, status, bytes,
            String.format(Locale.ROOT, "%.1f", ms), id == null ? "-" : id);
  }
}

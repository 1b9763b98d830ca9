package io.newssearch.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches Javalin (a URI or headers too long, a
 * malformed request line): the same JSON error body as every other error instead of Jetty's HTML
 * page. The message is the status's standard reason, never Jetty's internal detail.
 */
final class JettyErrors extends ErrorHandler {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/json;charset=utf-8";

  static byte[] body(int status) {
    String code = switch (status) {
      case 400 -> "bad_request";
      case 413 -> "body_too_large";
      case 414 -> "uri_too_long";
      case 431 -> "headers_too_large";
      default -> "http_" + status;
    };
    String message = switch (status) {
      case 414 -> "the request URI is too long; send fewer or shorter parameters";
      case 431 -> "the request headers are too large";
      default -> HttpStatus.getMessage(status);
    };
    try {
      return JSON.writeValueAsBytes(ApiError.of(code, message));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message,
      Throwable cause, Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(body(code)), callback);
  }

  /** Used for requests so malformed that no request object exists. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, CONTENT_TYPE));
    return ByteBuffer.wrap(body(status));
  }
}

package io.newssearch.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Logging set up from the command line. Everything goes through SLF4J into Logback, to stderr:
 * our own lines, the access log, and libraries that use java.util.logging (Lucene's start-up
 * notes, the JDK's HTTP client), which would otherwise print in a format of their own.
 */
final class Logging {

  private Logging() {}

  /** Sends java.util.logging into SLF4J; logback.xml's LevelChangePropagator keeps their levels in step. */
  static void routeJavaUtilLogging() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }

  /** Applies the options that were given (or set in the environment); the others leave logback.xml's setting. */
  static void apply(LoggingOptions options) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J binding on the classpath: it is configured its own way
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (options.level != null) {
      root.setLevel(ch.qos.logback.classic.Level.toLevel(options.level.name()));
    }
    if (options.format == LoggingOptions.Format.json) {
      root.detachAndStopAllAppenders();
      root.addAppender(jsonToStderr(context));
      // the access log has its own (text) appender in logback.xml: send its lines to the JSON one
      Logger access = context.getLogger("io.newssearch.http.access");
      access.detachAndStopAllAppenders();
      access.setAdditive(true);
    }
  }

  /**
   * One JSON object per line: timestamp (epoch milliseconds), level, thread, logger, the formatted
   * message, the MDC (a request's {@code request_id}), key-value pairs (the access log's fields) and
   * any exception; not the raw message pattern and its arguments, which repeat the message.
   */
  private static ConsoleAppender<ILoggingEvent> jsonToStderr(LoggerContext context) {
    JsonEncoder json = new JsonEncoder();
    json.setContext(context);
    json.setWithContext(false);
    json.setWithSequenceNumber(false);
    json.setWithNanoseconds(false);
    json.setWithMessage(false);
    json.setWithArguments(false);
    json.setWithFormattedMessage(true);
    json.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR_JSON");
    stderr.setTarget("System.err");
    stderr.setEncoder(json);
    stderr.start();
    return stderr;
  }
}

package io.newssearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javalin.Javalin;
import io.newssearch.alerts.Alerts;
import io.newssearch.alerts.WebhookSettings;
import io.newssearch.http.App;
import io.newssearch.http.Metrics;
import io.newssearch.http.ServerLimits;
import io.newssearch.http.WriteAccess;
import io.newssearch.search.SearchLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A real server with saved searches on an engine, as {@code serve} wires it, on a free port. */
public record AlertServer(Alerts alerts, Javalin app, String key) {

  /** Alerts from {@code alertsDir} listening to {@code engine}, and the API over both with the admin key. */
  public static AlertServer start(Engine engine, Path alertsDir, WebhookSettings webhooks, List<Path> corpus, String key)
      throws IOException {
    Alerts alerts = Alerts.serving(alertsDir, SearchLimits.DEFAULTS, webhooks);
    engine.listen(alerts.listener());
    Javalin app = App.create(engine.search(), new WriteAccess(engine.store(), engine.preparer(), corpus, Optional.of(key)),
        ServerLimits.DEFAULTS, new Metrics(), alerts).start("127.0.0.1", 0);
    return new AlertServer(alerts, app, key);
  }

  public TestHttp.Reply send(String method, String path, String body) throws Exception {
    return TestHttp.send(app.port(), method, path, body, key);
  }

  /** Makes an alert over HTTP, asserting the 201; returns its id. */
  public String createAlert(String body) throws Exception {
    TestHttp.Reply r = send("POST", "/api/alerts", body);
    assertEquals(201, r.status(), String.valueOf(r.body()));
    return r.body().get("id").asText();
  }

  /** Stops serving, then closes the engine and the alert store (as {@code serve} does on SIGTERM). */
  public void stop(Engine engine) throws IOException {
    app.stop();
    engine.close();
    alerts.close();
  }
}

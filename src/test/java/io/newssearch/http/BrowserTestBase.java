package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/** What the browser tests share: the running page, a screenshot after each test, small steps. */
@ExtendWith(PageServer.class)
abstract class BrowserTestBase {

  Browser browser;

  @BeforeEach
  void attach() {
    Browser.assumeInstalled();
    browser = PageServer.running().browser();
    browser.driver.manage().window().setSize(new Dimension(1280, 900));
  }

  @AfterEach
  void screenshot(TestInfo test) {
    if (browser == null) {
      return; // skipped: no browser
    }
    browser.screenshot(test.getTestMethod().orElseThrow().getName());
    // Chromium reports what the page's Content-Security-Policy refused in its console. An inline
    // event handler is never the page's own (it uses addEventListener, and HttpConventionsTest finds
    // none in its HTML): it is a hostile fixture's, parsed into an inert template and refused.
    String refused = browser.console().lines().flatMap(l -> Stream.of(l.split(" \\| ")))
        .filter(l -> l.contains("Content Security Policy") && !l.contains("inline event handler"))
        .collect(Collectors.joining("\n"));
    assertEquals("", refused, "the page broke its own policy");
  }

  static int status(String pathAndQuery) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(PageServer.running().base() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Skips a test of an endpoint another branch adds, only while it is absent (404). */
  static void assumeEndpoint(String pathAndQuery) throws Exception {
    Assumptions.assumeFalse(status(pathAndQuery) == 404,
        "GET " + pathAndQuery + " answers 404: the endpoint is not merged into this build yet");
  }

  void search(String query) {
    WebElement q = browser.find("#q");
    q.clear();
    browser.andWait(() -> q.sendKeys(query, Keys.ENTER));
  }

  long total() {
    return Long.parseLong(browser.find("#summary strong").getText().replaceAll("[^0-9]", ""));
  }

  List<String> hitIds() {
    return browser.findAll("#hits .hit").stream().map(h -> h.getAttribute("data-id")).toList();
  }

  /** No alert open, no element smuggled in as markup, no script ran. */
  void assertNoInjection(String container) {
    assertThrows(NoAlertPresentException.class, () -> browser.driver.switchTo().alert());
    assertTrue(browser.findAll(container + " script, " + container + " img, " + container + " iframe").isEmpty(),
        "no element injected into " + container);
    assertEquals(Boolean.FALSE, browser.js("return window.__pwned === true"));
  }
}

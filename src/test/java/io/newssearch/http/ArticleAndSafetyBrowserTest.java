package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The article view, and what must hold for any article: hostile markup stays inert text,
 * right-to-left text is laid out right-to-left, a bad query shows the server's message, a phone
 * screen gets one column. Every test leaves a screenshot in {@code target/screenshots/}.
 */
class ArticleAndSafetyBrowserTest extends BrowserTestBase {

  @Test
  void article_view_shows_the_article_and_related_stories() throws Exception {
    browser.load("/?q=" + "naval+drill");
    String id = hitIds().getFirst();
    browser.find("#hits .hit a.hit-link").click();
    browser.await("article view", d -> browser.path().startsWith("/articles/") && browser.renders() > 0);
    assertTrue(browser.find("#article h1").getText().startsWith("Coastal Fleet Stages Naval Drill"));
    assertFalse(browser.findAll("#article .body p").isEmpty());
    assertFalse(browser.findAll("#article .meta time").isEmpty());
    assertTrue(browser.find("#back").getAttribute("href").contains("q=naval+drill"), "back to the same search");
    assumeEndpoint("/api/articles/" + id + "/related?size=5");
    List<WebElement> related = browser.findAll("#related .related-hit a");
    assertFalse(related.isEmpty(), "related stories listed");
    assertTrue(related.stream().noneMatch(a -> a.getAttribute("href").endsWith("/articles/" + id)));
  }

  @Test
  void hostile_markup_in_an_article_renders_as_inert_text() {
    browser.load("/?q=" + "harbour+notice+quay");
    WebElement hit = browser.find("#hits .hit[data-id=page-hostile]");
    assertTrue(hit.findElement(By.cssSelector(".hit-title")).getText()
        .contains("<script>alert(1)</script>"), "the title shows the markup as text");
    assertTrue(hit.getText().contains("Quayside <script>alert(5)</script> Times"));
    assertTrue(hit.getText().contains("<img src=x onerror=alert(4)>"), "tag chip as text");
    assertNoInjection("#hits");
    assertTrue(browser.findAll("#hits b").isEmpty(), "the body's <b> stays text, only <mark> is markup");
    browser.screenshot("hostile_results");

    browser.load("/articles/page-hostile");
    assertTrue(browser.find("#article h1").getText().contains("<script>alert(1)</script>"));
    assertTrue(browser.find("#article .body").getText().contains("<img src=x onerror=alert(2)>"));
    assertNoInjection("#article");
  }

  @Test
  void an_arabic_result_is_laid_out_right_to_left_beside_left_to_right_ones() {
    browser.load("/?q=" + "منارة+الميناء");
    WebElement rtl = browser.find("#hits .hit[data-id=page-rtl]");
    assertEquals("rtl", rtl.getCssValue("direction"));
    assertEquals("rtl", rtl.findElement(By.cssSelector(".snippet")).getCssValue("direction"));
    browser.load("/?q=naval+drill");
    assertEquals("ltr", browser.find("#hits .hit").getCssValue("direction"));
    browser.load("/?q=" + "منارة+OR+naval");
    browser.await("mixed list", d -> browser.findAll("#hits .hit[data-id=page-rtl]").size() == 1);
  }

  @Test
  void a_malformed_query_shows_the_servers_message_next_to_the_box() {
    browser.load("/");
    search("title:(naval");
    WebElement error = browser.find("#query-error");
    assertTrue(error.isDisplayed());
    assertTrue(error.getText().contains("cannot parse query"), error.getText());
    assertTrue(error.getText().contains("\"<EOF>\""), "the message reads as plain text: " + error.getText());
    assertEquals("true", browser.find("#q").getAttribute("aria-invalid"));
    assertTrue(browser.findAll("#hits .hit").isEmpty());
    browser.screenshot("malformed_query");
    browser.andWait(() -> browser.find("#query-error .plain-link").click());
    assertFalse(browser.find("#query-error").isDisplayed());
    assertTrue(total() > 0, "searched as plain words");
  }

  @Test
  void on_a_phone_width_screen_the_filters_fold_behind_a_button() {
    browser.driver.manage().window().setSize(new Dimension(390, 844));
    browser.load("/?q=harbour");
    assertFalse(browser.find("#filters").isDisplayed());
    WebElement toggle = browser.find("#filters-toggle");
    assertTrue(toggle.isDisplayed());
    browser.screenshot("phone_filters_folded");
    Number width = (Number) browser.js("return document.documentElement.scrollWidth");
    assertTrue(width.intValue() <= 390, "no sideways scrolling: " + width);
    toggle.click();
    assertTrue(browser.find("#filters").isDisplayed());
    assertEquals("true", toggle.getAttribute("aria-expanded"));
  }

  @Test
  void an_unknown_article_says_so() {
    browser.load("/articles/no-such-article");
    assertEquals("Article not found", browser.find("#article h1").getText());
    assertTrue(browser.find("#article .error").getText().contains("no-such-article"));
  }
}

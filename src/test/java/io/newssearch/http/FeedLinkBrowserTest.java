package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.w3c.dom.Element;

/**
 * The search page offers its search as an Atom feed: a visible "feed" link and a
 * {@code <link rel="alternate" type="application/atom+xml">} for feed readers, both following the
 * search as it changes, and the feed they point at holds the search's articles.
 */
class FeedLinkBrowserTest extends BrowserTestBase {

  @Test
  void the_search_page_links_its_search_as_an_atom_feed() throws Exception {
    browser.load("/?q=naval&lang=en");
    List<String> hits = hitIds();
    assertFalse(hits.isEmpty(), "the search found articles");
    String visible = browser.find("#feed-link").getAttribute("href");
    String alternate = browser.find("link[rel=alternate][type='application/atom+xml']").getAttribute("href");
    assertEquals("feed", browser.find("#feed-link").getText());
    assertEquals(visible, alternate, "readers and people get the same feed");
    assertTrue(visible.startsWith(PageServer.running().base() + "/feeds/search.atom?") && visible.contains("q=naval")
        && visible.contains("lang=en"), visible);

    HttpResponse<String> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(visible)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, feed.statusCode(), feed.body());
    Element root = AtomChecks.valid(feed.body());
    List<String> entries = AtomChecks.children(root, "entry").stream()
        .map(e -> AtomChecks.children(e, "id").get(0).getTextContent()).toList();
    assertEquals(total(), entries.size(), "every article of the search (fewer than 50 here)");
    for (String id : hits) {
      assertTrue(entries.contains("urn:newssearch:article:" + id), id + " in " + entries);
    }

    browser.andWait(() -> browser.find("#q").sendKeys(" drill", Keys.ENTER));
    String changed = browser.find("#feed-link").getAttribute("href");
    assertTrue(changed.contains("q=naval+drill") || changed.contains("q=naval%20drill"), "follows the search: " + changed);
    assertEquals(changed, browser.find("link[rel=alternate][type='application/atom+xml']").getAttribute("href"));
  }
}

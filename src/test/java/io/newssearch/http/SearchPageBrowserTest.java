package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The search page in headless Chromium against the real server ({@link PageServer}): suggestions,
 * highlighted results, facet filters and chips, the date histogram, sort, paging and Back,
 * did-you-mean and the empty state. Every test leaves a screenshot in {@code target/screenshots/}.
 */
class SearchPageBrowserTest extends BrowserTestBase {

  @Test
  void typing_shows_suggestions_navigable_with_arrows_and_escape() throws Exception {
    assumeEndpoint("/api/suggest?q=nav&size=8");
    browser.load("/");
    WebElement q = browser.find("#q");
    q.sendKeys("nav");
    browser.await("suggestions", d -> !browser.findAll("#suggestions li[role=option]").isEmpty());
    assertEquals("true", q.getAttribute("aria-expanded"));
    assertFalse(browser.findAll("#suggestions li b").isEmpty(), "typed prefix is bold");
    q.sendKeys(Keys.ARROW_DOWN);
    assertEquals("suggestion-0", q.getAttribute("aria-activedescendant"));
    assertEquals("true", browser.find("#suggestion-0").getAttribute("aria-selected"));
    browser.screenshot("typing_shows_suggestions_open");
    q.sendKeys(Keys.ESCAPE);
    assertEquals("false", q.getAttribute("aria-expanded"));
    assertTrue(browser.findAll("#suggestions li").isEmpty());
  }

  /**
   * The combobox itself, whatever the server offers: {@code fetch} of /api/suggest is answered in
   * the page with a fixed list, one entry carrying markup other than {@code <b>}.
   */
  @Test
  void suggestion_list_works_by_keyboard_and_shows_only_bold_markup() {
    browser.load("/");
    browser.js("""
        const real = window.fetch;
        window.fetch = (url, init) => String(url).startsWith('/api/suggest')
          ? Promise.resolve(new Response(JSON.stringify({suggestions: [
              {text: 'Coastal Fleet Stages Naval Drill', highlighted: 'Coastal Fleet Stages <b>Nav</b>al Drill', kind: 'title'},
              {text: 'navy', highlighted: '<b>nav</b>y<img src=x onerror="window.__pwned=true">', kind: 'tag'}]}),
              {status: 200, headers: {'Content-Type': 'application/json'}}))
          : real(url, init);
        """);
    WebElement q = browser.find("#q");
    q.sendKeys("nav");
    browser.await("suggestions", d -> browser.findAll("#suggestions li[role=option]").size() == 2);
    assertEquals("true", q.getAttribute("aria-expanded"));
    assertEquals(List.of("Nav", "nav"), browser.findAll("#suggestions b").stream().map(WebElement::getText).toList());
    assertNoInjection("#suggestions");
    q.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
    assertEquals("suggestion-1", q.getAttribute("aria-activedescendant"));
    browser.screenshot("suggestion_list_stubbed");
    browser.andWait(() -> q.sendKeys(Keys.ENTER));
    assertTrue(browser.path().contains("tag=navy"), "a tag suggestion filters by that tag: " + browser.path());
    assertEquals("false", q.getAttribute("aria-expanded"));
  }

  @Test
  void searching_shows_ranked_results_with_marked_words() {
    browser.load("/");
    search("naval drill");
    assertTrue(browser.path().contains("q=naval+drill"), browser.path());
    assertTrue(browser.find("#hits .hit .hit-title").getText().startsWith("Coastal Fleet Stages Naval Drill"));
    List<String> marked = browser.findAll("#hits .hit:first-child .hit-title mark").stream()
        .map(WebElement::getText).toList();
    assertTrue(marked.contains("Naval") && marked.contains("Drill"), marked.toString());
    assertFalse(browser.findAll("#hits .snippet mark").isEmpty());
    assertTrue(browser.find("#summary").getText().matches("\\d+ results? in \\d+ ms.*"), browser.find("#summary").getText());
    assertTrue(browser.find("#hits .hit time").getAttribute("datetime").startsWith("20"));
    assertTrue(browser.find("#hits .hit a.hit-link").getAttribute("href").contains("/articles/"));
  }

  @Test
  void language_and_tag_filters_narrow_results_and_removing_chips_restores_them() {
    browser.load("/");
    long all = total();
    int languages = browser.findAll("#facet-language li").size();
    browser.andWait(() -> browser.find("#facet-language input[data-value=en]").click());
    assertTrue(browser.path().contains("lang=en"), browser.path());
    long english = total();
    assertTrue(english < all, english + " < " + all);
    assertEquals(languages, browser.findAll("#facet-language li").size(), "other languages stay selectable");
    assertTrue(browser.find("#facet-language input[data-value=en]").isSelected());

    WebElement tagChip = browser.find("#hits .hit .chip.tag");
    String tag = tagChip.getText();
    browser.andWait(tagChip::click);
    long tagged = total();
    assertTrue(tagged < english, tagged + " < " + english);
    assertTrue(browser.findAll("#hits .hit").stream().allMatch(h -> h.getText().contains(tag)));
    WebElement tagFacet = browser.findAll("#facet-tags li.on").getFirst();
    assertEquals(String.valueOf(tagged), tagFacet.findElement(By.cssSelector(".count")).getText());
    List<String> chips = browser.findAll("#active-filters .chip.removable").stream().map(WebElement::getText).toList();
    assertEquals(2, chips.size(), chips.toString());
    browser.screenshot("filters_language_and_tag");

    browser.andWait(() -> browser.find("#active-filters .chip.removable[aria-label*='Tag:']").click());
    assertEquals(english, total());
    browser.andWait(() -> browser.find("#active-filters .chip.removable[aria-label*='Language:']").click());
    assertEquals(all, total());
    assertTrue(browser.findAll("#active-filters .chip").isEmpty());
  }

  @Test
  void clicking_a_histogram_bar_filters_that_date_range_and_dragging_spans_bars() {
    browser.load("/");
    long all = total();
    List<WebElement> bars = browser.findAll("#histogram .bar:not(.zero)");
    assertTrue(bars.size() > 3, "several months with articles");
    WebElement bar = bars.get(bars.size() / 2);
    String from = bar.getAttribute("data-from");
    String to = bar.getAttribute("data-to");
    browser.andWait(bar::click);
    assertTrue(browser.path().contains("from=" + from) && browser.path().contains("to=" + to), browser.path());
    long inMonth = total();
    assertTrue(inMonth > 0 && inMonth < all);
    for (WebElement t : browser.findAll("#hits .hit time")) {
      String day = t.getAttribute("datetime").substring(0, 10);
      assertTrue(day.compareTo(from) >= 0 && day.compareTo(to) <= 0, day + " in " + from + ".." + to);
    }
    assertTrue(browser.find("#active-filters").getText().contains(from));
    browser.screenshot("histogram_one_bar");

    List<WebElement> all2 = browser.findAll("#histogram .bar");
    WebElement first = all2.get(2);
    WebElement last = all2.get(8);
    String dragFrom = first.getAttribute("data-from");
    String dragTo = last.getAttribute("data-to");
    browser.andWait(() -> new Actions(browser.driver).clickAndHold(first).moveToElement(all2.get(5))
        .moveToElement(last).release().perform());
    assertTrue(browser.path().contains("from=" + dragFrom) && browser.path().contains("to=" + dragTo), browser.path());
    assertEquals(7, browser.findAll("#histogram .bar.in-range").size());
  }

  @Test
  void histogram_bars_are_one_tab_stop_driven_by_arrow_keys() {
    browser.load("/");
    List<WebElement> focusable = browser.findAll("#histogram .bar[tabindex='0']");
    assertEquals(1, focusable.size());
    focusable.getFirst().sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
    WebElement third = browser.findAll("#histogram .bar").get(2);
    assertEquals(third, browser.driver.switchTo().activeElement());
    String from = third.getAttribute("data-from");
    browser.andWait(() -> third.sendKeys(Keys.ENTER));
    assertTrue(browser.path().contains("from=" + from), browser.path());
  }

  /** Did-you-mean and the empty state; the server's suggestion is added in the page until it has one. */
  @Test
  void did_you_mean_is_a_link_and_no_match_shows_an_empty_state() {
    browser.load("/");
    search("zzqxv wqzzk");
    assertTrue(browser.find("#empty").isDisplayed());
    assertTrue(browser.find("#empty").getText().contains("No articles match"), browser.find("#empty").getText());
    browser.screenshot("empty_state");

    browser.js("""
        const real = window.fetch;
        window.fetch = async (url, init) => {
          const reply = await real(url, init);
          if (!String(url).startsWith('/api/search') || !String(url).includes('q=navl')) return reply;
          const body = await reply.json();
          body.suggestion = body.suggestion || 'naval';
          return new Response(JSON.stringify(body), {status: reply.status, headers: {'Content-Type': 'application/json'}});
        };
        """);
    search("navl");
    WebElement link = browser.find("#did-you-mean a");
    assertEquals("naval", link.getText());
    browser.andWait(link::click);
    assertTrue(browser.path().contains("q=naval") && !browser.path().contains("navl"), browser.path());
    assertFalse(browser.findAll("#hits .hit").isEmpty());
    assertEquals("naval", browser.find("#q").getAttribute("value"));
  }

  @Test
  void a_date_said_in_the_query_is_a_removable_chip_and_removing_it_searches_the_words() {
    browser.load("/?q=" + java.net.URLEncoder.encode("drill since 2024", java.nio.charset.StandardCharsets.UTF_8));
    WebElement chip = browser.find("#active-filters .chip.interpreted");
    assertTrue(chip.getText().contains("since 2024"), chip.getText());
    long filtered = total();
    browser.screenshot("date_phrase_chip");
    browser.andWait(chip::click);
    assertTrue(browser.path().contains("dates=off"), browser.path());
    assertTrue(browser.findAll("#active-filters .chip.interpreted").isEmpty());
    assertTrue(total() >= filtered, total() + " >= " + filtered);
  }

  /**
   * The page asks strictly; a quoted phrase no article holds is asked again leniently, and the page
   * shows the words' results and says which phrase found nothing.
   */
  @Test
  void a_quoted_phrase_no_article_holds_shows_results_for_its_words_and_says_so() {
    browser.load("/?q=" + java.net.URLEncoder.encode("\"coastal fleet holds a naval exercise\"",
        java.nio.charset.StandardCharsets.UTF_8));
    WebElement note = browser.find("#relaxed");
    assertTrue(note.isDisplayed());
    assertEquals("No results for the exact phrase “coastal fleet holds a naval exercise”; showing results for the words.",
        note.getText());
    assertEquals("en-001", hitIds().get(0));
    browser.screenshot("relaxed_phrase");
    search("\"coastal fleet\"");
    assertFalse(browser.find("#relaxed").isDisplayed(), "an exact phrase that matches is not relaxed");
    assertTrue(hitIds().contains("en-001"), hitIds().toString());
  }

  @Test
  void the_sidebar_lists_places_and_choosing_one_narrows_the_results() {
    browser.load("/");
    long all = total();
    WebElement place = browser.find("#facet-place input[type=checkbox]");
    browser.andWait(place::click);
    assertTrue(browser.path().contains("place="), browser.path());
    assertTrue(total() < all, total() + " < " + all);
    assertFalse(browser.findAll("#active-filters .chip.removable[aria-label*='Place:']").isEmpty());
    browser.screenshot("place_facet");
  }

  @Test
  void each_hit_explains_its_rank_when_unfolded() {
    browser.load("/?q=drill");
    WebElement why = browser.find("#hits .hit details.why");
    why.findElement(By.tagName("summary")).click();
    String text = why.getText();
    assertTrue(text.contains("body") && text.contains(" = "), text);
  }

  @Test
  void sort_by_newest_orders_results_by_date() {
    browser.load("/?q=" + "harbour");
    browser.andWait(() -> new Select(browser.find("#sort")).selectByValue("date"));
    assertTrue(browser.path().contains("sort=date"));
    List<String> dates = browser.findAll("#hits .hit time").stream().map(t -> t.getAttribute("datetime")).toList();
    assertTrue(dates.size() > 2, dates.toString());
    List<String> sorted = new ArrayList<>(dates);
    sorted.sort(Comparator.reverseOrder());
    assertEquals(sorted, dates);
  }

  @Test
  void paging_and_the_back_button_restore_the_same_results_from_the_url() {
    browser.load("/?sort=date");
    List<String> page1 = hitIds();
    browser.andWait(() -> browser.find("#pager a.next").click());
    assertTrue(browser.path().contains("page=2"), browser.path());
    List<String> page2 = hitIds();
    assertNotEquals(page1, page2);
    assertEquals("2", browser.find("#pager [aria-current=page]").getText());
    browser.andWait(() -> browser.find("#pager a.prev").click());
    assertEquals(page1, hitIds());

    browser.andWait(() -> browser.driver.navigate().back());
    assertEquals(page2, hitIds(), "Back returns to page 2");
    browser.andWait(() -> browser.driver.navigate().back());
    assertEquals(page1, hitIds(), "Back again returns to page 1");
    browser.andWait(() -> browser.driver.navigate().forward());
    assertEquals(page2, hitIds());

    browser.load("/?sort=date&page=2"); // a bookmark
    assertEquals(page2, hitIds());
  }
}

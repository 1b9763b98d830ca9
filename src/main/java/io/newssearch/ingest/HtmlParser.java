package io.newssearch.ingest;

import io.newssearch.article.LanguageCodes;
import io.newssearch.article.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One news page saved as HTML ({@code .html}, {@code .htm}). Metadata comes from the tags publishers
 * fill for social previews and search engines (Open Graph, article:*, meta name=..., the schema.org
 * article of {@link LinkedData}), falling back to the visible page. The story is the paragraphs of the {@code <article>} (or, without one, of the
 * element holding the most paragraph text), after removing navigation, asides, scripts and share
 * widgets.
 */
final class HtmlParser implements ArticleParser {

  /** Elements that are never story text. */
  private static final String NOT_STORY =
      "script, style, noscript, template, nav, footer, aside, form, iframe, svg, button, figcaption, "
          + "[role=navigation], [role=complementary], [aria-hidden=true]";
  /** Class or id fragments that mark share bars, teasers and ads. */
  private static final List<String> WIDGET_MARKERS = List.of(
      "share", "social", "related", "comment", "newsletter", "advert", "promo", "cookie",
      "subscribe", "breadcrumb", "sidebar", "menu", "recommend", "outbrain", "taboola");

  @Override
  public void parse(Path file, RecordSink sink) throws IOException {
    // A null charset lets jsoup read the page's own <meta charset>, defaulting to UTF-8.
    Document doc = Jsoup.parse(file.toFile(), null);
    Optional<Article> article = article(doc);
    if (article.isPresent()) {
      sink.accept(article.get(), 1);
    } else {
      sink.reject(1, "page has neither a title nor paragraph text");
    }
  }

  static Optional<Article> article(Document doc) {
    Article ld = LinkedData.article(doc).orElse(null);
    String site = firstNonBlank(meta(doc, "meta[property=og:site_name]"), ld == null ? null : ld.source());
    String title = firstNonBlank(
        meta(doc, "meta[property=og:title]", "meta[name=twitter:title]"),
        ld == null ? null : ld.title(),
        doc.title(),
        text(doc.selectFirst("h1")));
    title = withoutSiteSuffix(title, site);
    List<String> tags = new ArrayList<>();
    for (Element e : doc.select("meta[property=article:tag]")) tags.add(e.attr("content"));
    tags.addAll(Tags.split(meta(doc, "meta[name=keywords]", "meta[name=news_keywords]")));
    if (tags.isEmpty() && ld != null) tags.addAll(ld.tags());
    String lang = firstNonBlank(doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("lang"),
        ld == null ? null : ld.language(),
        meta(doc, "meta[http-equiv=content-language]", "meta[property=og:locale]"));

    String body = String.join("\n\n", paragraphs(doc, title));
    if (body.isEmpty() && ld != null && !isBlank(ld.body())) body = ld.body().strip();
    if (isBlank(title) && body.isEmpty()) return Optional.empty();
    Instant published = published(doc, ld);
    return Optional.of(Article.builder()
        .title(title)
        .body(body)
        .published(published)
        .language(LanguageCodes.normalise(lang))
        .tags(Tags.dedupe(tags))
        .source(site)
        .url(firstNonBlank(attr(doc, "link[rel=canonical]", "href"), meta(doc, "meta[property=og:url]"),
            ld == null ? null : ld.url()))
        .author(firstNonBlank(author(doc), ld == null ? null : ld.author()))
        .build());
  }

  /** The publisher's own tags first, then the page's JSON-LD, then what the visible page shows. */
  private static Instant published(Document doc, Article ld) {
    Optional<Instant> tagged = DateParser.parse(meta(doc, "meta[property=article:published_time]",
        "meta[name=article:published_time]", "meta[itemprop=datePublished]"));
    if (tagged.isPresent()) return tagged.get();
    if (ld != null && ld.published() != null) return ld.published();
    String[] candidates = {
      meta(doc, "meta[name=date]", "meta[name=pubdate]", "meta[name=publish-date]", "meta[name=dc.date]",
          "meta[name=DC.date.issued]"),
      attr(doc, "time[datetime]", "datetime"),
      text(doc.selectFirst("time")),
    };
    for (String c : candidates) {
      Optional<Instant> d = DateParser.parseLine(c);
      if (d.isPresent()) return d.get();
    }
    return null;
  }

  private static String author(Document doc) {
    String a = meta(doc, "meta[name=author]", "meta[property=article:author]");
    if (a != null && a.startsWith("http")) a = null; // article:author is often a profile URL
    return firstNonBlank(a, text(doc.selectFirst("[rel=author]")));
  }

  private static List<String> paragraphs(Document page, String title) {
    Document doc = page.clone();
    doc.select(NOT_STORY).remove();
    for (Element e : doc.body() == null ? List.<Element>of() : doc.body().select("[class], [id]")) {
      if (isWidget(e) && e.parent() != null) e.remove();
    }
    Element container = container(doc);
    List<String> out = new ArrayList<>();
    if (container == null) return out;
    List<Element> blocks = container.select("p, blockquote, h2, h3, li");
    if (blocks.isEmpty()) blocks = List.of(container);
    String titleKey = title == null ? "" : title.strip().toLowerCase(Locale.ROOT);
    for (Element p : blocks) {
      if (p.select("p, blockquote, li").size() > 1) continue; // its inner blocks are taken one by one
      String t = p.text().strip();
      if (t.isEmpty() || Boilerplate.isBoilerplate(t) || t.toLowerCase(Locale.ROOT).equals(titleKey)) continue;
      if (!out.contains(t)) out.add(t);
    }
    return out;
  }

  private static boolean isWidget(Element e) {
    if (e.tagName().equals("body") || e.tagName().equals("article") || e.tagName().equals("main")) return false;
    String marks = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
    for (String m : WIDGET_MARKERS) {
      if (marks.contains(m)) return true;
    }
    return false;
  }

  /** The story's element: the longest {@code <article>}, else the parent of most paragraph text. */
  private static Element container(Document doc) {
    Element best = null;
    for (Element a : doc.select("article, [itemprop=articleBody]")) {
      if (best == null || a.text().length() > best.text().length()) best = a;
    }
    if (best != null && !best.text().isBlank()) return best;
    Map<Element, Integer> score = new HashMap<>();
    for (Element p : doc.select("p")) {
      if (p.parent() != null) score.merge(p.parent(), p.text().length(), Integer::sum);
    }
    return score.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
        .orElse(doc.body());
  }

  /** "Harbour reopens | Coast Gazette" → "Harbour reopens" when the site is "Coast Gazette". */
  static String withoutSiteSuffix(String title, String site) {
    if (isBlank(title) || isBlank(site)) return title;
    for (String sep : new String[] {" | ", " - ", " – ", " — ", " :: ", " · "}) {
      String suffix = sep + site.strip();
      if (title.toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT))) {
        return title.substring(0, title.length() - suffix.length()).strip();
      }
    }
    return title;
  }

  private static String meta(Document doc, String... selectors) {
    for (String s : selectors) {
      String v = attr(doc, s, "content");
      if (!isBlank(v)) return v.strip();
    }
    return null;
  }

  private static String attr(Document doc, String selector, String attribute) {
    Element e = doc.selectFirst(selector);
    return e == null || isBlank(e.attr(attribute)) ? null : e.attr(attribute).strip();
  }

  private static String text(Element e) {
    return e == null || e.text().isBlank() ? null : e.text().strip();
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (!isBlank(v)) return v.strip();
    }
    return null;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}

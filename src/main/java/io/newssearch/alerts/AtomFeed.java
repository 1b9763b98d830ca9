package io.newssearch.alerts;

import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom 1.0 document (RFC 4287) of articles, for feed readers: an alert's matches or a search's
 * newest hits. Written with the JDK's XML writer, which escapes every text and attribute, so a
 * headline full of markup stays text. Ids are URNs of the article id, so a reader that sees an
 * article again in another feed knows it.
 */
public final class AtomFeed {

  public static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";
  private static final String NS = "http://www.w3.org/2005/Atom";

  /**
   * One article.
   *
   * @param link the article's own URL, else its page on this server
   * @param updated when it entered this feed (matched), or its publication
   */
  public record Entry(String articleId, String title, String link, Instant published, Instant updated,
      String source, List<String> tags, String summary) {}

  private AtomFeed() {}

  /** The feed's permanent id for a key (an alert id, or a search's query string). */
  public static String urn(String kind, String key) {
    return "urn:newssearch:" + kind + ":" + URLEncoder.encode(key, StandardCharsets.UTF_8);
  }

  /**
   * @param self the feed's own absolute URL
   * @param alternate the page showing the same articles (the search page), or null
   */
  public static String write(String id, String title, String self, String alternate, List<Entry> entries) {
    Instant updated = entries.stream().map(Entry::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("feed");
      x.writeDefaultNamespace(NS);
      text(x, "id", id);
      text(x, "title", title);
      text(x, "updated", updated.toString());
      x.writeStartElement("author");
      text(x, "name", "newssearch");
      x.writeEndElement();
      text(x, "generator", "newssearch");
      link(x, "self", self, "application/atom+xml");
      if (alternate != null) {
        link(x, "alternate", alternate, "text/html");
      }
      for (Entry e : entries) {
        entry(x, e);
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the feed", e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static void entry(XMLStreamWriter x, Entry e) throws XMLStreamException {
    x.writeStartElement("entry");
    text(x, "id", urn("article", e.articleId()));
    text(x, "title", e.title() == null || e.title().isBlank() ? e.articleId() : e.title());
    text(x, "updated", e.updated().toString());
    if (e.published() != null) {
      text(x, "published", e.published().toString());
    }
    link(x, "alternate", e.link(), null);
    if (e.source() != null) {
      x.writeStartElement("author");
      text(x, "name", e.source());
      x.writeEndElement();
    }
    for (String tag : e.tags()) {
      x.writeEmptyElement("category");
      x.writeAttribute("term", xmlChars(tag));
    }
    if (e.summary() != null && !e.summary().isBlank()) {
      x.writeStartElement("summary");
      x.writeAttribute("type", "text");
      x.writeCharacters(xmlChars(e.summary()));
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(xmlChars(value));
    x.writeEndElement();
  }

  /** Without the control characters XML 1.0 cannot hold at all (escaping does not help), which scraped text may carry. */
  static String xmlChars(String s) {
    return INVALID_XML.matcher(s).replaceAll("");
  }

  private static final java.util.regex.Pattern INVALID_XML =
      java.util.regex.Pattern.compile("[^\\u0009\\u000A\\u000D\\u0020-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

  private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
    x.writeEmptyElement("link");
    x.writeAttribute("rel", rel);
    if (type != null) {
      x.writeAttribute("type", type);
    }
    x.writeAttribute("href", xmlChars(href));
  }
}

package io.newssearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What RFC 4287 requires of an Atom 1.0 feed, checked on a document parsed by the JDK's XML parser
 * (namespace-aware, no DTDs): the feed's id, title, updated and author; each entry's id, title,
 * updated, and a link or content; RFC 3339 dates, absolute IRIs, unique entry ids.
 */
final class AtomChecks {

  static final String ATOM = "http://www.w3.org/2005/Atom";

  private AtomChecks() {}

  /** Parses {@code xml} and checks it; returns the root {@code feed} element. */
  static Element valid(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc;
    try (InputStream in = new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))) {
      doc = f.newDocumentBuilder().parse(in);
    }
    Element feed = doc.getDocumentElement();
    assertEquals(ATOM, feed.getNamespaceURI(), "the Atom namespace");
    assertEquals("feed", feed.getLocalName());
    absoluteIri(one(feed, "id").getTextContent());
    one(feed, "title");
    date(one(feed, "updated").getTextContent());
    List<Element> entries = children(feed, "entry");
    boolean feedAuthor = !children(feed, "author").isEmpty();
    for (Element author : children(feed, "author")) {
      one(author, "name");
    }
    links(feed);
    Set<String> ids = new HashSet<>();
    for (Element e : entries) {
      String id = one(e, "id").getTextContent();
      absoluteIri(id);
      assertTrue(ids.add(id), "entry ids are unique: " + id);
      assertFalse(one(e, "title").getTextContent().isBlank(), "an entry's title");
      date(one(e, "updated").getTextContent());
      for (Element published : children(e, "published")) {
        date(published.getTextContent());
      }
      assertTrue(feedAuthor || !children(e, "author").isEmpty(), "an author on the feed or on each entry");
      boolean alternate = links(e);
      assertTrue(alternate || !children(e, "content").isEmpty(), "an entry without content has a link rel=alternate");
    }
    return feed;
  }

  /** Every link has an href; at most one alternate per type. Returns whether there is an alternate. */
  private static boolean links(Element parent) {
    Set<String> alternateTypes = new HashSet<>();
    for (Element link : children(parent, "link")) {
      assertFalse(link.getAttribute("href").isBlank(), "a link's href");
      URI.create(link.getAttribute("href"));
      String rel = link.getAttribute("rel").isEmpty() ? "alternate" : link.getAttribute("rel");
      if (rel.equals("alternate")) {
        assertTrue(alternateTypes.add(link.getAttribute("type")), "one alternate link per type");
      }
    }
    return !alternateTypes.isEmpty();
  }

  static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  private static Element one(Element parent, String name) {
    List<Element> found = children(parent, name);
    assertEquals(1, found.size(), "exactly one atom:" + name + " in atom:" + parent.getLocalName());
    return found.get(0);
  }

  private static void date(String text) {
    try {
      OffsetDateTime.parse(text); // RFC 3339: a date, a time and an offset (Z)
    } catch (DateTimeParseException e) {
      fail("not an RFC 3339 date: " + text);
    }
  }

  private static void absoluteIri(String text) {
    assertTrue(URI.create(text).isAbsolute(), "an absolute IRI: " + text);
  }
}

package io.newssearch.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * What a partly typed query asks of a completion, read the way an infix suggester reads it: every
 * word before the last must be a word of the completion, and the last word a prefix of one of its
 * words (or a whole word when the query ends in a space). The rule of both engines: the embedded
 * index's infix suggester reads queries this way, and Solr (a prefix field and a facet) matches and
 * highlights its completions with this class.
 *
 * @param words whole words, lowercased
 * @param prefix the last word, still being typed; null when the query ends in a space
 */
public record TypedCompletion(Set<String> words, String prefix) {

  /** Lowercased Unicode words, as the suggester analyses both sides. */
  private static final Analyzer WORDS = new StandardAnalyzer();

  public static TypedCompletion of(String typed) {
    List<String> tokens = new ArrayList<>();
    int lastEnd = -1;
    int maxEnd = -1;
    try (TokenStream ts = WORDS.tokenStream("", new StringReader(typed))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        tokens.add(term.toString());
        maxEnd = Math.max(maxEnd, offset.endOffset());
      }
      ts.end();
      lastEnd = offset.endOffset(); // after end(): the end of the whole input, trailing space included
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (tokens.isEmpty()) {
      return new TypedCompletion(Set.of(), null);
    }
    Set<String> words = new LinkedHashSet<>(tokens.subList(0, tokens.size() - 1));
    String last = tokens.get(tokens.size() - 1);
    if (maxEnd == lastEnd) {
      return new TypedCompletion(words, last);
    }
    words.add(last);
    return new TypedCompletion(words, null);
  }

  public boolean isEmpty() {
    return words.isEmpty() && prefix == null;
  }

  /** True when {@code text} holds every word and, if there is one, a word starting with the prefix. */
  public boolean matches(String text) {
    Set<String> tokens = new LinkedHashSet<>(tokens(text));
    return tokens.containsAll(words) && (prefix == null || tokens.stream().anyMatch(t -> t.startsWith(prefix)));
  }

  /** {@code text} HTML-escaped with the matched words and prefixes in {@code <b>}, as the suggester highlights. */
  public String highlight(String text) {
    StringBuilder sb = new StringBuilder();
    int upto = 0;
    try (TokenStream ts = WORDS.tokenStream("", new StringReader(text))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String token = term.toString();
        int start = offset.startOffset();
        int end = offset.endOffset();
        if (upto < start) {
          sb.append(escape(text.substring(upto, start)));
          upto = start;
        } else if (upto > start) {
          continue;
        }
        String surface = text.substring(start, end);
        if (words.contains(token) || prefix != null && token.startsWith(prefix) && prefix.length() >= surface.length()) {
          sb.append("<b>").append(escape(surface)).append("</b>");
          upto = end;
        } else if (prefix != null && token.startsWith(prefix)) {
          sb.append("<b>").append(escape(surface.substring(0, prefix.length()))).append("</b>")
              .append(escape(surface.substring(prefix.length())));
          upto = end;
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (upto < text.length()) {
      sb.append(escape(text.substring(upto)));
    }
    return sb.toString();
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = WORDS.tokenStream("", new StringReader(text))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Text for HTML: the five characters that could start markup or end an attribute, as entities. */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#x27;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}

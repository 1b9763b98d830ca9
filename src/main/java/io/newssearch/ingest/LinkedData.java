package io.newssearch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newssearch.article.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The schema.org article a news page describes itself with, in a {@code <script
 * type="application/ld+json">} block: many sites give their publication date, authors and
 * publisher only there. Its fields ({@code headline}, {@code datePublished}, {@code articleBody},
 * {@code author}, {@code publisher}, {@code inLanguage}, {@code keywords}) are names the JSON Lines
 * reader knows, so it reads the object. A block that is not JSON, or whose article has a field it
 * cannot read, is passed over: the page's other tags still describe it.
 */
final class LinkedData {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LinkedData() {}

  /** The first article object of the page's JSON-LD blocks, read as an article. */
  static Optional<Article> article(Document doc) {
    for (Element script : doc.select("script[type=application/ld+json]")) {
      JsonNode root;
      try {
        root = JSON.readTree(script.data());
      } catch (JsonProcessingException e) {
        continue;
      }
      for (JsonNode node : candidates(root)) {
        if (isArticle(node.get("@type"))) {
          try {
            return Optional.of(JsonlParser.article(node));
          } catch (BadRecordException e) {
            // a field of a shape the reader refuses: look further
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The block itself, the items of a top-level array, and those of an {@code @graph}. */
  private static List<JsonNode> candidates(JsonNode root) {
    List<JsonNode> out = new ArrayList<>();
    if (root == null) return out;
    List<JsonNode> tops = new ArrayList<>();
    if (root.isArray()) root.forEach(tops::add);
    else tops.add(root);
    for (JsonNode top : tops) {
      out.add(top);
      JsonNode graph = top.get("@graph");
      if (graph != null && graph.isArray()) graph.forEach(out::add);
    }
    return out;
  }

  /** NewsArticle, ReportageNewsArticle, Article, BlogPosting, LiveBlogPosting...; one type or several. */
  private static boolean isArticle(JsonNode type) {
    if (type == null) return false;
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticle(t)) return true;
      }
      return false;
    }
    String t = type.asText();
    return t.endsWith("Article") || t.endsWith("Posting");
  }
}

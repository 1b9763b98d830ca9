package io.newssearch.solr;

import io.newssearch.index.IndexedArticle;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.analysis.SubwordAnalyzer;
import io.newssearch.article.Article;
import io.newssearch.entities.Entities;
import io.newssearch.index.Origin;
import io.newssearch.story.Signature;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * The only seam between articles and Solr documents, as the embedded engine's ArticleDocuments is
 * for Lucene: an {@link IndexedArticle}'s fields (entities, story signature and bands, origin) in
 * the fields of the Solr schema.
 */
final class SolrDocuments {

  /** Longer titles are not completions anyone types; a string value must also stay under 32 KB. */
  static final int MAX_SUGGEST_TITLE_CHARS = 300;

  /**
   * The unique key: {@code story!id}. Solr's compositeId router hashes the part before '!', so
   * every version of a story lands on one shard. Both parts are escaped ('!' and '/' mean
   * something to the router, '%' is the escape), so any id routes by its whole story.
   */
  static String key(String story, String id) {
    return escape(story) + "!" + escape(id);
  }

  private static String escape(String s) {
    return s.replace("%", "%25").replace("!", "%21").replace("/", "%2F");
  }

  SolrInputDocument toDocument(IndexedArticle indexed, String story) {
    Article a = indexed.article();
    SolrInputDocument d = new SolrInputDocument();
    d.setField(SolrFields.KEY, key(story, a.id()));
    d.setField(SolrFields.ID, a.id());
    d.setField(SolrFields.ORIGIN, indexed.origin().term());
    d.setField(SolrFields.STORY, story);
    if (indexed.signature() != null) {
      d.setField(SolrFields.STORY_SIGNATURE, indexed.signature().toBytes());
      d.setField(SolrFields.STORY_BANDS, indexed.bands());
    }
    if (a.url() != null) {
      d.setField(SolrFields.URL, a.url());
    }
    if (a.titleDerived()) {
      d.setField(SolrFields.title(a.language()), "");
      d.setField(SolrFields.TITLE_DERIVED, nullToEmpty(a.title()));
    } else {
      d.setField(SolrFields.title(a.language()), nullToEmpty(a.title()));
    }
    d.setField(SolrFields.body(a.language()), nullToEmpty(a.body()));
    if (LanguageAnalyzers.cutsIntoPieces(a.language())) {
      // No stemmer for its language: pieces of its words stand in for one (SolrSubwords).
      d.setField(SolrFields.SUBWORDS, SubwordAnalyzer.text(a));
    }
    if (a.title() != null && !a.title().isBlank()) {
      String t = a.title().strip();
      d.setField(SolrFields.SUGGEST_TITLE, t.length() > MAX_SUGGEST_TITLE_CHARS ? t.substring(0, MAX_SUGGEST_TITLE_CHARS) : t);
    }
    if (a.published() != null) {
      d.setField(SolrFields.PUBLISHED, Date.from(a.published()));
    }
    d.setField(SolrFields.LANGUAGE, a.language());
    if (!a.tags().isEmpty()) {
      d.setField(SolrFields.TAGS_KEYWORD, a.tags());
    }
    if (a.source() != null) {
      d.setField(SolrFields.SOURCE_KEYWORD, a.source());
    }
    if (a.author() != null) {
      d.setField(SolrFields.AUTHOR, a.author());
    }
    Entities named = indexed.entities();
    addAll(d, SolrFields.PERSON, named.people());
    addAll(d, SolrFields.ORG, named.orgs());
    addAll(d, SolrFields.PLACE, named.places());
    return d;
  }

  /** The article a stored document holds (every field of {@link Article} is stored). */
  static Article article(SolrDocument d) {
    String language = (String) d.getFirstValue(SolrFields.LANGUAGE);
    return new Article(
        (String) d.getFirstValue(SolrFields.ID),
        (String) d.getFirstValue(SolrFields.URL),
        title(d, language),
        (String) d.getFirstValue(SolrFields.body(language)),
        published(d),
        language,
        strings(d, SolrFields.TAGS_KEYWORD),
        (String) d.getFirstValue(SolrFields.SOURCE_KEYWORD),
        (String) d.getFirstValue(SolrFields.AUTHOR),
        d.getFirstValue(SolrFields.TITLE_DERIVED) != null);
  }

  /** The title shown: a derived one from its stored-only field, else the language's title field. */
  static String title(SolrDocument d, String language) {
    Object derived = d.getFirstValue(SolrFields.TITLE_DERIVED);
    return derived != null ? (String) derived : (String) d.getFirstValue(SolrFields.title(language));
  }

  /** The indexed article a stored document holds, for a rewrite: entities and signature as stored. */
  static IndexedArticle indexed(SolrDocument d) {
    Entities named = new Entities(strings(d, SolrFields.PERSON), strings(d, SolrFields.ORG), strings(d, SolrFields.PLACE));
    return new IndexedArticle(article(d), origin(d), signature(d), named);
  }

  static Instant published(SolrDocument d) {
    Object v = d.getFirstValue(SolrFields.PUBLISHED);
    return v instanceof Date date ? date.toInstant() : null;
  }

  /** The stored MinHash signature, or null when the body was too short to have one. */
  static Signature signature(SolrDocument d) {
    Object v = d.getFirstValue(SolrFields.STORY_SIGNATURE);
    return switch (v) {
      case byte[] b -> Signature.fromBytes(b);
      case ByteBuffer b -> {
        byte[] copy = new byte[b.remaining()];
        b.duplicate().get(copy);
        yield Signature.fromBytes(copy);
      }
      case null, default -> null;
    };
  }

  static Origin origin(SolrDocument d) {
    return Origin.API.term().equals(d.getFirstValue(SolrFields.ORIGIN)) ? Origin.API : Origin.CORPUS;
  }

  static List<String> strings(SolrDocument d, String field) {
    Collection<Object> values = d.getFieldValues(field);
    List<String> out = new ArrayList<>();
    if (values != null) {
      values.forEach(v -> out.add(String.valueOf(v)));
    }
    return out;
  }

  private static void addAll(SolrInputDocument d, String field, List<String> values) {
    if (!values.isEmpty()) {
      d.setField(field, values);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}

package io.newssearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.article.Article;
import io.newssearch.index.IndexedArticle;
import io.newssearch.index.Origin;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;

/** Articles to Solr documents and back, without a cluster: what the schema's fields hold. */
class SolrDocumentsTest {

  private static SolrDocument stored(SolrInputDocument in) {
    SolrDocument out = new SolrDocument();
    in.forEach((name, field) -> out.setField(name, field.getValue()));
    return out;
  }

  @Test
  void a_derived_title_is_stored_apart_and_the_searched_title_field_is_empty() {
    Article a = Article.builder().id("time-17").title("The harbour strike ended today.").titleDerived(true)
        .body("The harbour strike ended today. Ships were unloaded again.").language("en").build();
    SolrInputDocument doc = new SolrDocuments().toDocument(IndexedArticle.of(a, Origin.CORPUS), "s1");
    assertEquals("", doc.getFieldValue(SolrFields.title("en")));
    assertEquals(a.title(), doc.getFieldValue(SolrFields.TITLE_DERIVED));
    Article back = SolrDocuments.article(stored(doc));
    assertEquals(a.title(), back.title());
    assertTrue(back.titleDerived());
  }

  @Test
  void a_headline_is_searched_in_its_language_title_field() {
    Article a = Article.builder().id("x").title("Harbour strike ends").body("Dock workers went back.").language("en")
        .build();
    SolrInputDocument doc = new SolrDocuments().toDocument(IndexedArticle.of(a, Origin.CORPUS), "s1");
    assertEquals("Harbour strike ends", doc.getFieldValue(SolrFields.title("en")));
    assertNull(doc.getFieldValue(SolrFields.TITLE_DERIVED));
    assertFalse(SolrDocuments.article(stored(doc)).titleDerived());
  }

  @Test
  void only_a_language_without_a_stemmer_gets_its_headline_and_opening_in_pieces() {
    String body = "Vechidiki muBulawayo vatanga kuongororwa. " + "mamwe mashoko ".repeat(200);
    Article shona = Article.builder().id("sn-1").title("Mari yashaikwa").body(body).language("sn").build();
    SolrInputDocument doc = new SolrDocuments().toDocument(IndexedArticle.of(shona, Origin.CORPUS), "s1");
    String pieces = (String) doc.getFieldValue(SolrFields.SUBWORDS);
    assertTrue(pieces.startsWith("Mari yashaikwa\nVechidiki muBulawayo"), pieces);
    assertTrue(pieces.length() < body.length(), "the opening only: " + pieces.length());
    Article english = Article.builder().id("en-1").title("Banks audited").body("Money went missing.").language("en")
        .build();
    assertNull(new SolrDocuments().toDocument(IndexedArticle.of(english, Origin.CORPUS), "s1")
        .getFieldValue(SolrFields.SUBWORDS));
  }
}

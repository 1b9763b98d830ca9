package io.newssearch.lucene;

import io.newssearch.index.Origin;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.article.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import io.newssearch.entities.Entities;
import io.newssearch.entities.EntityExtractor;
import io.newssearch.story.Bands;
import io.newssearch.story.Signature;
/** The only seam between {@link Article} and Lucene: Article → Document and stored fields → Article. */
public final class ArticleDocuments {

  private final LanguageAnalyzers analyzers;
  private final EntityExtractor entities = new EntityExtractor();

  public ArticleDocuments(LanguageAnalyzers analyzers) {
    this.analyzers = analyzers;
  }

  /** The term that identifies an article's document, for updateDocument and deleteDocuments. */
  public static Term idTerm(String id) {
    return new Term(Schema.ID, id);
  }

  /** The term that finds every article of one origin. */
  public static Term originTerm(Origin origin) {
    return new Term(Schema.ORIGIN, origin.term());
  }

  /** Where a stored document's article came from. */
  static Origin origin(Document d) {
    return Origin.API.term().equals(d.get(Schema.ORIGIN)) ? Origin.API : Origin.CORPUS;
  }

  /** A document outside any story (its own), from the corpus: for evaluations over a bare index. */
  public Document toDocument(Article a) {
    return toDocument(a, a.id(), null, Origin.CORPUS);
  }

  /**
   * @param story the article's story id (its own id when it has no near-duplicate)
   * @param signature the body's MinHash signature, or null when the body is too short to compare
   * @param origin corpus or API: a rebuild from the corpus carries API articles over
   */
  public Document toDocument(Article a, String story, Signature signature, Origin origin) {
    Document doc = new Document();
    doc.add(new KeywordField(Schema.ID, a.id(), Store.YES));
    doc.add(new StringField(Schema.ORIGIN, origin.term(), Store.YES));
    doc.add(new KeywordField(Schema.STORY, story, Store.YES));
    if (signature != null) {
      doc.add(new StoredField(Schema.STORY_SIGNATURE, signature.toBytes()));
      for (String key : Bands.keys(signature)) {
        doc.add(new StringField(Schema.STORY_BANDS, key, Store.NO));
      }
    }
    if (a.url() != null) {
      doc.add(new StoredField(Schema.URL, a.url()));
    }
    var textAnalyzer = analyzers.forLanguage(a.language());
    doc.add(new LanguageTextField(Schema.TITLE, nullToEmpty(a.title()), textAnalyzer));
    doc.add(new LanguageTextField(Schema.BODY, nullToEmpty(a.body()), textAnalyzer));
    doc.add(new TextField(Schema.SPELL, nullToEmpty(a.title()) + "\n" + nullToEmpty(a.body()), Store.NO));
    if (a.published() != null) {
      long millis = a.published().toEpochMilli();
      doc.add(new LongPoint(Schema.PUBLISHED, millis));
      doc.add(new NumericDocValuesField(Schema.PUBLISHED, millis));
      doc.add(new StoredField(Schema.PUBLISHED, millis));
    }
    doc.add(new KeywordField(Schema.LANGUAGE, a.language(), Store.YES));
    for (String tag : a.tags()) {
      doc.add(new KeywordField(Schema.TAGS_KEYWORD, tag, Store.YES));
      doc.add(new TextField(Schema.TAGS, tag, Store.NO));
    }
    if (a.source() != null) {
      doc.add(new KeywordField(Schema.SOURCE_KEYWORD, a.source(), Store.YES));
      doc.add(new TextField(Schema.SOURCE, a.source(), Store.NO));
    }
    if (a.author() != null) {
      doc.add(new TextField(Schema.AUTHOR, a.author(), Store.YES));
    }
    // Derived from the text, like the analysed fields: a rewrite of the document finds them again.
    Entities named = entities.extract(a.title(), a.body(), a.language());
    named.people().forEach(v -> doc.add(new KeywordField(Schema.PERSON, v, Store.YES)));
    named.orgs().forEach(v -> doc.add(new KeywordField(Schema.ORG, v, Store.YES)));
    named.places().forEach(v -> doc.add(new KeywordField(Schema.PLACE, v, Store.YES)));
    return doc;
  }

  /** The stored signature of a document, or null when its body was too short to have one. */
  public static Signature signature(Document d) {
    BytesRef b = d.getBinaryValue(Schema.STORY_SIGNATURE);
    return b == null ? null : Signature.fromBytes(java.util.Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length));
  }

  /** Rebuilds the article from a document's stored fields. */
  public static Article fromStored(StoredFields stored, int docId) throws java.io.IOException {
    return fromDocument(stored.document(docId));
  }

  public static Article fromDocument(Document d) {
    IndexableField published = d.getField(Schema.PUBLISHED);
    List<String> tags = new ArrayList<>();
    for (IndexableField f : d.getFields(Schema.TAGS_KEYWORD)) {
      tags.add(f.stringValue());
    }
    return new Article(
        d.get(Schema.ID),
        d.get(Schema.URL),
        d.get(Schema.TITLE),
        d.get(Schema.BODY),
        published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue()),
        d.get(Schema.LANGUAGE),
        tags,
        d.get(Schema.SOURCE_KEYWORD),
        d.get(Schema.AUTHOR));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}

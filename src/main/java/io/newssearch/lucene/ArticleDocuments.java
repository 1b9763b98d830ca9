package io.newssearch.lucene;

import io.newssearch.index.IndexedArticle;
import io.newssearch.index.Origin;
import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.analysis.SubwordAnalyzer;
import io.newssearch.article.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import io.newssearch.entities.Entities;
import io.newssearch.story.Bands;
import io.newssearch.story.Signature;
import io.newssearch.semantic.VectorFields;
/**
 * The only seam between articles and Lucene: an {@link IndexedArticle} → Document, and stored
 * fields → Article (or IndexedArticle, for a rewrite).
 */
public final class ArticleDocuments {

  /** Shared by every writing thread: an analyzer keeps one token stream per thread. */
  private static final SubwordAnalyzer SUBWORDS = new SubwordAnalyzer();

  private final LanguageAnalyzers analyzers;
  private final FieldType spellType;
  private final FieldType subwordsType;

  public ArticleDocuments(LanguageAnalyzers analyzers) {
    this(analyzers, Schema.SPELL_TYPE, Schema.SUBWORDS_TYPE);
  }

  private ArticleDocuments(LanguageAnalyzers analyzers, FieldType spellType, FieldType subwordsType) {
    this.analyzers = analyzers;
    this.spellType = spellType;
    this.subwordsType = subwordsType;
  }

  /**
   * The documents to write into an existing index: the same, except that an index written before
   * {@link Schema#SPELL_TYPE} or {@link Schema#SUBWORDS_TYPE} keeps that field's options, since
   * Lucene refuses to change a field's index options or norms within one index.
   */
  ArticleDocuments matching(FieldInfos existing) {
    FieldInfo spell = existing.fieldInfo(Schema.SPELL);
    FieldInfo subwords = existing.fieldInfo(Schema.SUBWORDS);
    boolean oldSpell = spell != null && spell.getIndexOptions() != Schema.SPELL_TYPE.indexOptions();
    boolean oldSubwords = subwords != null && subwords.hasNorms();
    return !oldSpell && !oldSubwords ? this : new ArticleDocuments(analyzers,
        oldSpell ? TextField.TYPE_NOT_STORED : spellType,
        oldSubwords ? Schema.SUBWORDS_TYPE_WITH_NORMS : subwordsType);
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
    IndexedArticle indexed = IndexedArticle.of(a, Origin.CORPUS);
    return toDocument(new IndexedArticle(a, Origin.CORPUS, null, indexed.entities()), a.id());
  }

  /** @param story the article's story id (its own id when it has no near-duplicate) */
  public Document toDocument(IndexedArticle indexed, String story) {
    return toDocument(indexed, story, null);
  }

  /** @param vector the article's embedding ({@link ArticleVectors}), or null for none */
  public Document toDocument(IndexedArticle indexed, String story, float[] vector) {
    Article a = indexed.article();
    Document doc = new Document();
    if (vector != null) {
      doc.add(VectorFields.field(vector)); // kNN over int8 HNSW; the codec is VectorFields.codec()
    }
    doc.add(new KeywordField(Schema.ID, a.id(), Store.YES));
    doc.add(new StringField(Schema.ORIGIN, indexed.origin().term(), Store.YES));
    doc.add(new KeywordField(Schema.STORY, story, Store.YES));
    if (indexed.signature() != null) {
      doc.add(new StoredField(Schema.STORY_SIGNATURE, indexed.signature().toBytes()));
      long[] bands = Bands.hashes(indexed.signature());
      for (int b = 0; b < bands.length; b++) {
        doc.add(new StringField(Schema.STORY_BANDS, bandTerm(b, bands[b]), Store.NO));
      }
    }
    if (a.url() != null) {
      doc.add(new StoredField(Schema.URL, a.url()));
    }
    var textAnalyzer = analyzers.forLanguage(a.language());
    if (a.titleDerived()) {
      // The body's own first words: shown as the title, searched as the body they are.
      doc.add(LanguageTextField.storedOnly(Schema.TITLE, nullToEmpty(a.title())));
      doc.add(new StoredField(Schema.TITLE_DERIVED, 1));
    } else {
      doc.add(new LanguageTextField(Schema.TITLE, nullToEmpty(a.title()), textAnalyzer));
    }
    doc.add(new LanguageTextField(Schema.BODY, nullToEmpty(a.body()), textAnalyzer));
    doc.add(new Field(Schema.SPELL, a.opening(Schema.SPELL_CHARS), spellType));
    if (LanguageAnalyzers.cutsIntoPieces(a.language())) {
      // A language without a stemmer of its own: pieces of words stand in for one (Schema.SUBWORDS).
      doc.add(new LanguageTextField(Schema.SUBWORDS, SubwordAnalyzer.text(a),
          SUBWORDS, subwordsType));
    }
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
    Entities named = indexed.entities();
    named.people().forEach(v -> doc.add(new KeywordField(Schema.PERSON, v, Store.YES)));
    named.orgs().forEach(v -> doc.add(new KeywordField(Schema.ORG, v, Store.YES)));
    named.places().forEach(v -> doc.add(new KeywordField(Schema.PLACE, v, Store.YES)));
    return doc;
  }

  /** A band key as {@link Schema#STORY_BANDS} indexes it: the band number, then the hash, big-endian. */
  static BytesRef bandTerm(int band, long hash) {
    byte[] key = new byte[9];
    key[0] = (byte) band;
    for (int i = 0; i < 8; i++) {
      key[1 + i] = (byte) (hash >>> (56 - 8 * i));
    }
    return new BytesRef(key);
  }

  /** The stored signature of a document, or null when its body was too short to have one. */
  public static Signature signature(Document d) {
    BytesRef b = d.getBinaryValue(Schema.STORY_SIGNATURE);
    return b == null ? null : Signature.fromBytes(java.util.Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length));
  }

  /** The indexed article a stored document holds, for a rewrite: entities and signature as stored. */
  static IndexedArticle indexed(Document d) {
    Entities named = new Entities(values(d, Schema.PERSON), values(d, Schema.ORG), values(d, Schema.PLACE));
    return new IndexedArticle(fromDocument(d), origin(d), signature(d), named);
  }

  /** Every stored value of a field, in order. */
  public static List<String> values(Document d, String field) {
    List<String> out = new ArrayList<>();
    for (IndexableField f : d.getFields(field)) {
      out.add(f.stringValue());
    }
    return out;
  }

  /** Rebuilds the article from a document's stored fields. */
  public static Article fromStored(StoredFields stored, int docId) throws java.io.IOException {
    return fromDocument(stored.document(docId));
  }

  public static Article fromDocument(Document d) {
    List<String> tags = values(d, Schema.TAGS_KEYWORD);
    return new Article(
        d.get(Schema.ID),
        d.get(Schema.URL),
        d.get(Schema.TITLE),
        d.get(Schema.BODY),
        published(d),
        d.get(Schema.LANGUAGE),
        tags,
        d.get(Schema.SOURCE_KEYWORD),
        d.get(Schema.AUTHOR),
        d.getField(Schema.TITLE_DERIVED) != null);
  }

  /** The stored publication time, or null when undated. */
  public static Instant published(Document d) {
    IndexableField published = d.getField(Schema.PUBLISHED);
    return published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue());
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}

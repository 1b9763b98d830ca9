package io.newssearch.lucene;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * Every field of the newssearch index, its Lucene type and why. The one place to look when adding
 * or changing a field: {@link ArticleDocuments} writes and reads them, the search package queries
 * them.
 */
public final class Schema {

  private Schema() {}

  /** Stable article id. KeywordField: exact lookups for upsert/delete, doc values as sort tie-break. */
  public static final String ID = "id";

  /** Stored only: shown in results, never searched. */
  public static final String URL = "url";

  /**
   * Headline and story text. Analysed per document with the article language's analyzer (see
   * {@link LanguageTextField}), stored for snippets and the article view, with offsets in the
   * postings so the highlighter needs no re-analysis.
   */
  public static final String TITLE = "title";

  public static final String BODY = "body";

  /**
   * Stored only, present (value 1) when the article's title was made from the start of its body
   * ({@code Article.titleDerived}); such a title is stored for display, and its title field is
   * indexed empty (a field keeps one type in every document), since its words are the body's own
   * first words and are not a headline.
   */
  public static final String TITLE_DERIVED = "title.derived";

  /**
   * Publication time, epoch milliseconds UTC: a LongPoint for range filters, NumericDocValues for
   * sorting, recency decay and the date histogram, and a stored copy for results.
   */
  public static final String PUBLISHED = "published";

  /** ISO 639-1 code. KeywordField: exact filter, sorted-set doc values for facets, stored. */
  public static final String LANGUAGE = "language";

  /**
   * Tags and source each have two fields: the keyword one (exact value, stored, doc values) serves
   * filters and facets with the label as written; the text one lets query syntax like
   * {@code tags:caspian} or {@code source:magazine} match a word of the value.
   */
  public static final String TAGS_KEYWORD = "tags.kw";

  public static final String TAGS = "tags";
  public static final String SOURCE_KEYWORD = "source.kw";
  public static final String SOURCE = "source";

  /**
   * The headline and the story's opening ({@link #SPELL_CHARS} characters) again, lowercased Unicode
   * words, not stemmed, not stored: the dictionary the did-you-mean spell checker corrects against.
   * Title and body are stemmed per language, so their terms ("drill" for "drills") are not words to
   * offer a user; these are. The opening, not the whole text: it holds the names and words a story
   * is about, and a second inversion of every whole text was a quarter of indexing's writing. Whether
   * a word is a real word of the index is asked of the stemmed fields too, so a word found only deep
   * in a story is not "corrected". Not queryable by users.
   * Indexed as {@link #SPELL_TYPE}.
   */
  public static final String SPELL = "spell";

  /** How much of a story's text {@link #SPELL} holds, in characters (cut at a space). */
  public static final int SPELL_CHARS = 1000;

  /**
   * Of {@link #SPELL}: documents only, no norms. The spell checker reads document frequencies and
   * nothing else, and positions, frequencies and norms of a second copy of every text were a large
   * share of indexing time. (Indexes written before kept positions; an update keeps writing them
   * that way, since Lucene refuses a field whose options change.)
   */
  public static final FieldType SPELL_TYPE;

  /**
   * Where an article came from: {@link Origin#API} for articles written over the API. Indexed: a
   * rebuild from the corpus finds them by it and carries them into the new index, since the corpus
   * files do not hold them. Stored: a story rename rewrites a document and must keep it.
   */
  public static final String ORIGIN = "origin";

  /**
   * Story cluster id: the smallest article id among the near-duplicate versions of one story (see
   * {@code story.StoryClusters}). KeywordField: exact lookup for {@code /api/stories/{id}},
   * sorted-set doc values so search can collapse hits by story, stored for results.
   */
  public static final String STORY = "story";

  /**
   * LSH band keys of the body's MinHash signature ({@code story.Bands}), indexed only: a term
   * lookup on them finds the near-duplicate candidates of a new article without a scan. Each key is
   * 9 bytes, the band number then its 64-bit hash ({@link ArticleDocuments#bandTerm}): forty unique
   * terms per article are a large share of indexing, and binary keys are half the size of text.
   */
  public static final String STORY_BANDS = "story.bands";

  /** The band keys as indexes written before {@link #STORY_BANDS} hold them, as text ("7:3f2a..."); read only. */
  public static final String LEGACY_STORY_BANDS = "story.band";

  /** The MinHash signature itself, stored only: candidates are verified against it. */
  public static final String STORY_SIGNATURE = "story.sig";

  /**
   * People, organisations and places named in the article ({@code entities.EntityExtractor}, at
   * index time). KeywordField each: exact filters ({@code person=}), sorted-set doc values for the
   * facets, stored for results.
   */
  public static final String PERSON = "person";

  public static final String ORG = "org";
  public static final String PLACE = "place";

  /**
   * For articles in a language without an analyzer of its own (no stemmer: most African and many
   * Asian languages, {@code analysis.LanguageAnalyzers#FALLBACK_KEY}), the headline and the story's
   * opening ({@code SubwordAnalyzer#text}: the first
   * {@code SubwordAnalyzer#LEDE_CHARS} characters) cut into pieces of a few letters ({@code analysis.SubwordAnalyzer},
   * whatever the writer's analyzer). A search scores the pieces it shares with the query on its top
   * articles, which finds an article whose words carry other prefixes and suffixes than the
   * query's, as a stemmer would. Only the opening: it says what the story is about, and on
   * MasakhaNEWS half A the first 500 characters beat the first 300 or 1,000 and the whole text, at
   * a fraction of the tokens (EVALUATION.md). Languages with a stemmer get none
   * ({@code LanguageAnalyzers#cutsIntoPieces}, the rule the SolrCloud engine's {@code subwords}
   * field follows too): on TIME (English) the pieces cost MAP. Frequencies without positions and
   * without norms (their BM25 has no length normalisation, {@code search.Ranking#SUBWORDS_BM25});
   * not stored.
   */
  public static final String SUBWORDS = "subwords";

  public static final FieldType SUBWORDS_TYPE;

  /**
   * {@link #SUBWORDS_TYPE} as indexes written before 2026-12-07 have it, with norms: their writes
   * keep it, since Lucene refuses to change a field's norms within one index. Scores are the same
   * either way, as the pieces' BM25 does not read the norms.
   */
  public static final FieldType SUBWORDS_TYPE_WITH_NORMS;

  /** Byline: stored and searchable as plain words. */
  public static final String AUTHOR = "author";
  /**
   * The article's embedding, English articles of an index built with vectors only
   * ({@link ArticleVectors}): a KnnFloatVectorField, dot product, int8 HNSW through a per-field codec
   * ({@link io.newssearch.semantic.VectorFields}).
   */
  public static final String VECTOR = io.newssearch.semantic.VectorFields.VECTOR;

  /** Type of title and body: stored, tokenized, positions and offsets for phrase and snippet work. */
  public static final FieldType TEXT_WITH_OFFSETS;

  static {
    FieldType t = new FieldType();
    t.setStored(true);
    t.setTokenized(true);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    TEXT_WITH_OFFSETS = t;
    FieldType spell = new FieldType();
    spell.setTokenized(true);
    spell.setIndexOptions(IndexOptions.DOCS);
    spell.setOmitNorms(true);
    spell.freeze();
    SPELL_TYPE = spell;
    FieldType pieces = new FieldType();
    pieces.setTokenized(true);
    pieces.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    pieces.freeze();
    SUBWORDS_TYPE_WITH_NORMS = pieces;
    // No norms: a flush reads a field's norms for every term it writes, and the pieces' norms,
    // held by only some articles, are a sparse block it scans each time (docs/benchmark-history.md, tenth session).
    FieldType piecesWithoutNorms = new FieldType(pieces);
    piecesWithoutNorms.setOmitNorms(true);
    piecesWithoutNorms.freeze();
    SUBWORDS_TYPE = piecesWithoutNorms;
  }

  /**
   * The analyzer for every field except title and body (which use the article's language): plain
   * Unicode words for tags, source and author, the exact value for language and id. Queries and
   * documents must use the same one, hence it lives here.
   *
   * @param textAnalyzer used for title and body when parsing queries
   */
  public static Analyzer queryAnalyzer(Analyzer textAnalyzer) {
    Analyzer words = new StandardAnalyzer();
    Analyzer exact = new KeywordAnalyzer();
    return new PerFieldAnalyzerWrapper(
        textAnalyzer,
        Map.of(TAGS, words, SOURCE, words, AUTHOR, words, SPELL, words, LANGUAGE, exact, ID, exact,
            TAGS_KEYWORD, exact, SOURCE_KEYWORD, exact));
  }
}

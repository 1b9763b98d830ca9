package io.newssearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.analysis.LanguageAnalyzers;
import io.newssearch.analysis.SubwordAnalyzer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.ckb.SoraniAnalyzer;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.ne.NepaliAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.ta.TamilAnalyzer;
import org.apache.lucene.analysis.te.TeluguAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.util.BytesRef;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The Solr schema's analysis chains (managed-schema.xml, {@code text_<key>}) against the embedded
 * backend's analyzers ({@link LanguageAnalyzers#forKey}), for every analyzer key and the sample
 * texts in {@code solr/analysis-samples.tsv}:
 *
 * <ol>
 *   <li>in this JVM (Lucene 10): each field type rebuilt as a {@link CustomAnalyzer} from its
 *       factories gives the same tokens (term, position, offsets) and the same wildcard/prefix
 *       normalisation;
 *   <li>in a real Solr 9.10 (Lucene 9.12): its field analysis handler gives the same tokens as
 *       Lucene 10, and its query parser normalises prefix terms the same way.
 * </ol>
 *
 * Where Solr 9 cannot reproduce Lucene 10, the samples file gives both token lists for a text
 * ({@code lucene10} and {@code solr9} lines; {@code schema} where the schema chain itself differs,
 * in both versions), each described in the schema, and the tests assert them, so they fail if a
 * difference changes or goes away.
 */
class SolrAnalysisChainsTest {

  static final Path CONF = Path.of("src/main/resources/solr/newssearch/conf");
  static final String FIELD = "body";

  static final LanguageAnalyzers EMBEDDED = new LanguageAnalyzers();
  static final Map<String, List<Sample>> TEXTS = new LinkedHashMap<>();
  static final Map<String, List<String>> WORDS = new LinkedHashMap<>();
  static Document schema;
  static Solr solr;

  /** A token as both sides report it: position is the sum of the position increments so far. */
  record Token(String term, int position, int start, int end) {
    @Override
    public String toString() {
      return term + "@" + position + "[" + start + "-" + end + "]";
    }
  }

  /**
   * A sample text and, for a known difference, token lines (as {@link #format}): what the embedded
   * analyzer gives ({@code lucene10}), what the schema chain gives instead in both Lucene versions
   * ({@code schema}), what Solr 9 gives instead ({@code solr9}); null where there is none.
   */
  record Sample(String text, String lucene10, String schema, String solr9) {
    Sample with(String kind, String tokens) {
      return switch (kind) {
        case "lucene10" -> new Sample(text, tokens, schema, solr9);
        case "schema" -> new Sample(text, lucene10, tokens, solr9);
        default -> new Sample(text, lucene10, schema, tokens);
      };
    }

    /** What the schema chain must give in Lucene 10, given the embedded analyzer's tokens. */
    String expectedFromSchema(String embedded) {
      return schema != null ? schema : embedded;
    }

    /** What Solr 9 must give, given the embedded analyzer's tokens. */
    String expectedFromSolr(String embedded) {
      return solr9 != null ? solr9 : expectedFromSchema(embedded);
    }
  }

  @BeforeAll
  static void readSchemaAndSamples() throws Exception {
    schema = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(CONF.resolve("managed-schema.xml").toFile());
    try (InputStream in = SolrAnalysisChainsTest.class.getResourceAsStream("/solr/analysis-samples.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", 3);
        switch (f[1]) {
          case "word" -> WORDS.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[2]);
          case "text" -> TEXTS.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Sample(f[2], null, null, null));
          case "lucene10", "schema", "solr9" -> {
            List<Sample> texts = TEXTS.get(f[0]);
            texts.set(texts.size() - 1, texts.get(texts.size() - 1).with(f[1], f[2]));
          }
          default -> throw new IllegalStateException("unknown kind in the samples: " + line);
        }
      }
    }
  }

  @AfterAll
  static void close() throws IOException {
    EMBEDDED.close();
    if (solr != null) {
      solr.client().close();
    }
  }

  static Stream<String> keys() {
    return EMBEDDED.analyzerKeys().stream();
  }

  static Stream<String> dedicatedLanguages() {
    return EMBEDDED.dedicatedLanguages().stream();
  }

  // ===== the schema's shape =====

  @Test
  void every_analyzer_key_has_sample_texts_and_words() {
    for (String key : EMBEDDED.analyzerKeys()) {
      assertTrue(TEXTS.getOrDefault(key, List.of()).size() >= 3, "sample texts for " + key);
      assertTrue(WORDS.getOrDefault(key, List.of()).size() >= 3, "sample words for " + key);
    }
    assertEquals(EMBEDDED.analyzerKeys(), Set.copyOf(TEXTS.keySet()), "no samples for unknown keys");
  }

  @Test
  void every_known_difference_gives_the_lucene_10_tokens_and_different_ones() {
    TEXTS.values().stream().flatMap(List::stream)
        .filter(s -> s.lucene10() != null || s.schema() != null || s.solr9() != null)
        .forEach(s -> {
          assertNotNull(s.lucene10(), "lucene10 tokens for " + s.text());
          assertNotEquals(s.lucene10(), s.expectedFromSolr(s.lucene10()), s.text());
          if (s.schema() != null && s.solr9() != null) {
            assertNotEquals(s.schema(), s.solr9(), "a solr9 line that only repeats the schema line: " + s.text());
          }
        });
  }

  @ParameterizedTest
  @MethodSource("dedicatedLanguages")
  void every_dedicated_language_has_a_title_and_a_body_field_of_its_own_type(String lang) {
    for (String field : List.of("title_" + lang, "body_" + lang)) {
      Element f = element("field", field);
      assertNotNull(f, field);
      assertEquals("text_" + lang, f.getAttribute("type"), field);
      assertEquals("true", f.getAttribute("indexed"), field);
      assertEquals("true", f.getAttribute("stored"), field);
      assertEquals("true", f.getAttribute("storeOffsetsWithPositions"), field);
    }
  }

  @ParameterizedTest
  @MethodSource("dedicatedLanguages")
  void every_chain_ends_in_the_embedded_folding(String lang) {
    List<Element> filters = children(analyzer(lang, false), "filter");
    Element last = filters.get(filters.size() - 1);
    assertEquals("icuFolding", last.getAttribute("name"));
    assertEquals("[^йЙ]", last.getAttribute("filter"));
  }

  /** The stopword files copied into conf/lang hold each analyzer's default set, no more, no less. */
  @ParameterizedTest
  @MethodSource("dedicatedLanguages")
  void stopword_files_hold_the_lucene_analyzers_default_sets(String lang) throws Exception {
    try (CustomAnalyzer chain = customAnalyzer(analyzer(lang, false))) {
      List<StopFilterFactory> stops = chain.getTokenFilterFactories().stream()
          .filter(StopFilterFactory.class::isInstance).map(StopFilterFactory.class::cast).toList();
      assertFalse(stops.isEmpty(), "no stop filter in text_" + lang);
      // Irish has two: the h-/n-/t- prefixes first, then the stopwords
      assertEquals(words(DEFAULT_STOP_SETS.get(lang)), words(stops.get(stops.size() - 1).getStopWords()));
    }
  }

  // ===== check 1: Lucene 10, in this JVM =====

  @ParameterizedTest
  @MethodSource("keys")
  void schema_chain_gives_the_embedded_analyzers_tokens_in_lucene_10(String key) throws IOException {
    try (Analyzer fromSchema = customAnalyzer(analyzer(key, false))) {
      for (Sample s : TEXTS.get(key)) {
        String embedded = format(tokens(EMBEDDED.forKey(key), s.text()));
        assertEquals(s.expectedFromSchema(embedded), format(tokens(fromSchema, s.text())), key + ": " + s.text());
        if (s.lucene10() != null) {
          assertEquals(s.lucene10(), embedded, "the Lucene 10 side of a known difference, " + key + ": " + s.text());
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("keys")
  void schema_chain_normalises_wildcard_terms_like_the_embedded_analyzer(String key) throws IOException {
    Element multiTerm = analyzer(key, true);
    try (Analyzer fromSchema = customAnalyzer(multiTerm != null ? multiTerm : analyzer(key, false))) {
      for (String word : WORDS.get(key)) {
        String expected = EMBEDDED.forKey(key).normalize(FIELD, word).utf8ToString();
        assertEquals(expected, solrMultiTerm(fromSchema, multiTerm != null, word), key + ": " + word);
      }
    }
  }

  // ===== check 2: the real Solr 9 (Lucene 9.12) =====

  @ParameterizedTest
  @MethodSource("keys")
  void solr_9_gives_the_lucene_10_tokens(String key) throws Exception {
    for (Sample s : TEXTS.get(key)) {
      String expected = s.expectedFromSolr(format(tokens(EMBEDDED.forKey(key), s.text())));
      assertEquals(expected, format(solr().analyse("text_" + key, s.text())), key + ": " + s.text());
    }
  }

  @ParameterizedTest
  @MethodSource("keys")
  void solr_9_normalises_prefix_queries_like_lucene_10(String key) throws Exception {
    String field = key.equals(LanguageAnalyzers.FALLBACK_KEY) ? "body_und" : "body_" + key;
    for (String word : WORDS.get(key)) {
      String expected = field + ":" + EMBEDDED.forKey(key).normalize(FIELD, word).utf8ToString() + "*";
      assertEquals(expected, solr().parsedPrefixQuery(field, word), key + ": " + word);
    }
  }

  // ===== the sub-word pieces: text_subwords =====

  @Test
  void subword_chain_gives_the_embedded_pieces_in_lucene_10_and_solr_9() throws Exception {
    try (Analyzer fromSchema = customAnalyzer(analyzer("subwords", false)); Analyzer embedded = new SubwordAnalyzer()) {
      int withPieces = 0;
      for (Sample s : TEXTS.get(LanguageAnalyzers.FALLBACK_KEY)) {
        String expected = format(tokens(embedded, s.text()));
        withPieces += expected.isEmpty() ? 0 : 1; // single CJK characters give none
        assertEquals(expected, format(tokens(fromSchema, s.text())), s.text());
        if (s.solr9() == null) { // the fallback's known Solr 9 differences are its words' too
          assertEquals(expected, format(solr().analyse("text_subwords", s.text())), s.text());
        }
      }
      assertTrue(withPieces >= 3, "samples cut into pieces: " + withPieces);
    }
  }

  @Test
  void a_piece_holding_query_syntax_is_searched_as_one_term() throws Exception {
    SolrQuery q = new SolrQuery();
    q.setQuery(SolrSubwords.rescored(q, "*:*", List.of("a!b"), Map.of("a:b(", 1, "x\"}\\", 2), 0.25f));
    String parsed = solr().parsedQuery(q);
    // Lucene's form of a boosted term: the whole piece, then its weight × its count.
    assertTrue(parsed.contains("subwords:a:b(^0.25"), parsed);
    assertTrue(parsed.contains("subwords:x\"}\\^0.5"), parsed);
    assertTrue(parsed.contains("filter(key:a!b)"), parsed);
  }

  /** A collection made before the field existed gets no pieces rather than failing every search. */
  @Test
  void a_collection_says_whether_its_schema_has_the_pieces_field() throws Exception {
    assertTrue(SolrSubwords.hasField(solr().client(), solr().collection(), SolrFields.SUBWORDS));
    assertFalse(SolrSubwords.hasField(solr().client(), solr().collection(), "subwords_of_a_later_release"));
  }

  // ===== helpers =====

  /** Tokens as one line, the form the samples file uses: {@code term@position[start-end] ...}. */
  static String format(List<Token> tokens) {
    return String.join(" ", tokens.stream().map(Token::toString).toList());
  }

  /** Tokens of {@code text} as the analyzer indexes them. */
  static List<Token> tokens(Analyzer analyzer, String text) throws IOException {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int position = 0;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        out.add(new Token(term.toString(), position, offset.startOffset(), offset.endOffset()));
      }
      ts.end();
    }
    return out;
  }

  /**
   * What Solr makes of a wildcard/prefix term (TextField.analyzeMultiTerm): an explicit multiterm
   * analyzer analyses it (its one token, or the term unchanged if none); otherwise Solr runs the
   * chain's normalize(), as CustomAnalyzer does.
   */
  static String solrMultiTerm(Analyzer analyzer, boolean explicit, String word) throws IOException {
    if (!explicit) {
      return analyzer.normalize(FIELD, word).utf8ToString();
    }
    try (TokenStream ts = analyzer.tokenStream(FIELD, word)) {
      TermToBytesRefAttribute term = ts.addAttribute(TermToBytesRefAttribute.class);
      ts.reset();
      String out = ts.incrementToken() ? BytesRef.deepCopyOf(term.getBytesRef()).utf8ToString() : word;
      assertFalse(ts.incrementToken(), "a multiterm analyzer must give one token: " + word);
      ts.end();
      return out;
    }
  }

  /** The field type's analyzer as a Lucene 10 CustomAnalyzer, factories by SPI name, files from conf/. */
  static CustomAnalyzer customAnalyzer(Element analyzer) throws IOException {
    CustomAnalyzer.Builder b = CustomAnalyzer.builder(CONF);
    for (Element e : children(analyzer, null)) {
      String name = e.getAttribute("name");
      Map<String, String> args = args(e);
      switch (e.getTagName()) {
        case "charFilter" -> b.addCharFilter(name, args);
        case "tokenizer" -> b.withTokenizer(name, args);
        case "filter" -> b.addTokenFilter(name, args);
        default -> throw new IllegalArgumentException("unexpected <" + e.getTagName() + "> in an analyzer");
      }
    }
    return b.build();
  }

  /** The {@code <analyzer>} of field type text_key: the index one, or the multiterm one (null if none). */
  static Element analyzer(String key, boolean multiTerm) {
    Element type = element("fieldType", "text_" + key);
    assertNotNull(type, "no fieldType text_" + key + " in the schema");
    for (Element a : children(type, "analyzer")) {
      if (multiTerm == a.getAttribute("type").equals("multiterm")) {
        return a;
      }
    }
    return null;
  }

  static Element element(String tag, String name) {
    for (Element e : children(schema.getDocumentElement(), tag)) {
      if (e.getAttribute("name").equals(name)) {
        return e;
      }
    }
    return null;
  }

  static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && (tag == null || e.getTagName().equals(tag))) {
        out.add(e);
      }
    }
    return out;
  }

  static Map<String, String> args(Element e) {
    Map<String, String> args = new HashMap<>();
    NamedNodeMap attributes = e.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node a = attributes.item(i);
      if (!a.getNodeName().equals("name")) {
        args.put(a.getNodeName(), a.getNodeValue());
      }
    }
    return args;
  }

  /**
   * The words of a stop set. Lucene loads some default files without a comment marker (Galician,
   * Latvian, Sorani), so their "#" comment lines and blank lines are "stopwords" there; Solr skips
   * them. No token can be either, so they are left out of the comparison.
   */
  static Set<String> words(CharArraySet set) {
    Set<String> out = new TreeSet<>();
    for (Object o : set) {
      String w = new String((char[]) o);
      if (!w.isBlank() && !w.startsWith("#")) {
        out.add(w);
      }
    }
    return out;
  }

  static final Map<String, CharArraySet> DEFAULT_STOP_SETS = Map.ofEntries(
      Map.entry("en", EnglishAnalyzer.getDefaultStopSet()),
      Map.entry("ru", RussianAnalyzer.getDefaultStopSet()),
      Map.entry("fa", PersianAnalyzer.getDefaultStopSet()),
      Map.entry("ar", ArabicAnalyzer.getDefaultStopSet()),
      Map.entry("de", GermanAnalyzer.getDefaultStopSet()),
      Map.entry("fr", FrenchAnalyzer.getDefaultStopSet()),
      Map.entry("es", SpanishAnalyzer.getDefaultStopSet()),
      Map.entry("it", ItalianAnalyzer.getDefaultStopSet()),
      Map.entry("pt", PortugueseAnalyzer.getDefaultStopSet()),
      Map.entry("ca", CatalanAnalyzer.getDefaultStopSet()),
      Map.entry("gl", GalicianAnalyzer.getDefaultStopSet()),
      Map.entry("ro", RomanianAnalyzer.getDefaultStopSet()),
      Map.entry("nl", DutchAnalyzer.getDefaultStopSet()),
      Map.entry("sv", SwedishAnalyzer.getDefaultStopSet()),
      Map.entry("da", DanishAnalyzer.getDefaultStopSet()),
      Map.entry("nb", NorwegianAnalyzer.getDefaultStopSet()),
      Map.entry("fi", FinnishAnalyzer.getDefaultStopSet()),
      Map.entry("tr", TurkishAnalyzer.getDefaultStopSet()),
      Map.entry("hu", HungarianAnalyzer.getDefaultStopSet()),
      Map.entry("cs", CzechAnalyzer.getDefaultStopSet()),
      Map.entry("et", EstonianAnalyzer.getDefaultStopSet()),
      Map.entry("lv", LatvianAnalyzer.getDefaultStopSet()),
      Map.entry("lt", LithuanianAnalyzer.getDefaultStopSet()),
      Map.entry("eu", BasqueAnalyzer.getDefaultStopSet()),
      Map.entry("ga", IrishAnalyzer.getDefaultStopSet()),
      Map.entry("el", GreekAnalyzer.getDefaultStopSet()),
      Map.entry("bg", BulgarianAnalyzer.getDefaultStopSet()),
      Map.entry("sr", SerbianAnalyzer.getDefaultStopSet()),
      Map.entry("hy", ArmenianAnalyzer.getDefaultStopSet()),
      Map.entry("id", IndonesianAnalyzer.getDefaultStopSet()),
      Map.entry("hi", HindiAnalyzer.getDefaultStopSet()),
      Map.entry("bn", BengaliAnalyzer.getDefaultStopSet()),
      Map.entry("ne", NepaliAnalyzer.getDefaultStopSet()),
      Map.entry("ta", TamilAnalyzer.getDefaultStopSet()),
      Map.entry("te", TeluguAnalyzer.getDefaultStopSet()),
      Map.entry("ckb", SoraniAnalyzer.getDefaultStopSet()),
      Map.entry("th", ThaiAnalyzer.getDefaultStopSet()));

  // ===== the Solr side =====

  static synchronized Solr solr() throws Exception {
    if (solr == null) {
      String zk = SolrTestCluster.shared().zk();
      SolrCloudClient client = SolrCloudClient.connect(zk);
      String collection = new SolrCollections(client, new SolrSettings(zk, "analysischains", 1, 1)).ensureLive();
      solr = new Solr(client, collection);
    }
    return solr;
  }

  /** A collection made from the project's configset, and the two requests the tests send it. */
  record Solr(SolrCloudClient client, String collection) {

    /** The tokens of the last stage of the field type's index analysis (/analysis/field). */
    List<Token> analyse(String fieldType, String text) throws Exception {
      ModifiableSolrParams p = new ModifiableSolrParams();
      p.set("analysis.fieldtype", fieldType);
      p.set("analysis.fieldvalue", text);
      NamedList<Object> response = request("/analysis/field", p);
      @SuppressWarnings("unchecked")
      NamedList<Object> stages = (NamedList<Object>) response._get(List.of("analysis", "field_types", fieldType, "index"), null);
      assertNotNull(stages, "no index analysis for " + fieldType + " in " + response);
      @SuppressWarnings("unchecked")
      List<NamedList<Object>> last = (List<NamedList<Object>>) stages.getVal(stages.size() - 1);
      List<Token> out = new ArrayList<>();
      for (NamedList<Object> t : last) {
        out.add(new Token((String) t.get("text"), (Integer) t.get("position"), (Integer) t.get("start"), (Integer) t.get("end")));
      }
      return out;
    }

    /** The query Solr's standard parser makes of {@code field:word*} (debug "parsedquery"). */
    String parsedPrefixQuery(String field, String word) throws Exception {
      ModifiableSolrParams p = new ModifiableSolrParams();
      p.set("q", field + ":" + ClientUtils.escapeQueryChars(word) + "*");
      p.set("debugQuery", "true");
      p.set("rows", "0");
      return (String) request("/select", p)._get(List.of("debug", "parsedquery"), null);
    }

    /** The query Solr makes of a request's {@code q} (debug "parsedquery"). */
    String parsedQuery(SolrQuery q) throws Exception {
      ModifiableSolrParams p = new ModifiableSolrParams(q);
      p.set("debugQuery", "true");
      p.set("rows", "0");
      return String.valueOf(request("/select", p)._get(List.of("debug", "parsedquery"), null));
    }

    private NamedList<Object> request(String path, ModifiableSolrParams params) throws Exception {
      GenericSolrRequest r = new GenericSolrRequest(SolrRequest.METHOD.POST, path, params).setRequiresCollection(true);
      return client.request(r, collection);
    }
  }
}

package io.newssearch.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The input formats the indexer reads, each with its parser and the file names it claims.
 *
 * <p>To add a format: add a constant with its parser and extensions (a {@code .gz} suffix is always
 * allowed), decide in {@link #detect} only if the extension is shared with another format (as .txt
 * is), add fixtures under {@code src/test/resources/ingest/} and a test class for the parser.
 */
public enum CorpusFormat {
  /** One JSON object per line; field synonyms in {@link JsonlParser}. */
  JSONL(JsonlParser::new, "jsonl", "ndjson"),
  /** Text or markdown with an optional "---" key: value header; see {@link HeaderTextParser}. */
  HEADER_TEXT(HeaderTextParser::new, "md", "markdown"),
  /** Text scraped from a news page, without markup; see {@link RawTextParser}. */
  RAW_TEXT(RawTextParser::new),
  /** A saved news page; see {@link HtmlParser}. */
  HTML(HtmlParser::new, "html", "htm"),
  /** Reuters-21578 SGML, many records per file; see {@link ReutersSgmlParser}. */
  REUTERS_SGML(ReutersSgmlParser::new, "sgm", "sgml"),
  /** Lucene line-doc, {@code *.lines.txt}: title TAB date TAB body; see {@link LineDocParser}. */
  LINE_DOC(LineDocParser::new),
  /** MasakhaNEWS {@code .tsv}, language from the folder; see {@link MasakhaNewsParser}. */
  MASAKHANEWS_TSV(MasakhaNewsParser::new),
  /** One Persian article per {@code .txt}, first line {@code agency###title###...}; see {@link PersianNewsParser}. */
  PERSIAN_NEWS(PersianNewsParser::new),
  /** CSV with a header naming its columns; see {@link CsvParser}. */
  CSV(CsvParser::new),
  /** 10kGNAD {@code label;'text'} rows, German; see {@link GnadCsvParser}. */
  GNAD_CSV(GnadCsvParser::new),
  /** The TIME 1963 test collection, {@code TIME.ALL}; see {@link TimeParser}. */
  TIME(TimeParser::new, "all");

  private final Supplier<ArticleParser> parser;
  private final Set<String> extensions;

  CorpusFormat(Supplier<ArticleParser> parser, String... extensions) {
    this.parser = parser;
    this.extensions = Set.of(extensions);
  }

  /**
   * Whether one file of this format holds a whole collection of many articles (Reuters SGML,
   * line-doc, dataset TSV/CSV, TIME.ALL), as opposed to one article per file. Plain text beside such
   * a file is the collection's documentation; see {@link CorpusWalker}.
   */
  public boolean isCollection() {
    return switch (this) {
      case REUTERS_SGML, LINE_DOC, MASAKHANEWS_TSV, CSV, GNAD_CSV, TIME -> true;
      case JSONL, HEADER_TEXT, RAW_TEXT, HTML, PERSIAN_NEWS -> false;
    };
  }

  /** A new parser for this format. Parsers keep no state between files, but are cheap to make. */
  public ArticleParser parser() {
    return parser.get();
  }

  /**
   * The format of {@code file}, from its name, and where the name is shared from its first line:
   *
   * <ul>
   *   <li>{@code *.lines.txt}: {@link #LINE_DOC}.
   *   <li>{@code .txt}: "---" opens a {@link #HEADER_TEXT} header, {@code *TEXT} is {@link #TIME},
   *       six or more {@code ###}-separated fields are {@link #PERSIAN_NEWS}; else {@link #RAW_TEXT}.
   *   <li>{@code .tsv}: {@link #MASAKHANEWS_TSV} when the header is {@code category headline text
   *       url}; other TSVs with a title or text column are {@link #CSV}.
   *   <li>{@code .csv}: {@link #GNAD_CSV} when the first line is a {@code label;'text'} row,
   *       {@link #CSV} when it is a header naming a title or text column.
   *   <li>no known extension: {@link #TIME} when the file starts with {@code *TEXT}.
   * </ul>
   *
   * Empty if unknown.
   *
   * @throws IOException when a file cannot be read to tell which format it is
   */
  public static Optional<CorpusFormat> detect(Path file) throws IOException {
    String name = TextFiles.logicalName(file);
    if (name.endsWith(LineDocParser.SUFFIX)) return Optional.of(LINE_DOC);
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    switch (ext) {
      case "txt" -> {
        String first = TextFiles.firstNonEmptyLine(file);
        if (first.equals(HeaderTextParser.FENCE)) return Optional.of(HEADER_TEXT);
        if (first.startsWith(TimeParser.MARKER)) return Optional.of(TIME);
        if (PersianNewsParser.isHeader(first)) return Optional.of(PERSIAN_NEWS);
        return Optional.of(RAW_TEXT);
      }
      case "tsv", "csv" -> {
        String first = TextFiles.head(file);
        if (ext.equals("tsv") && MasakhaNewsParser.isHeader(first)) return Optional.of(MASAKHANEWS_TSV);
        if (ext.equals("csv") && GnadCsvParser.isRow(first)) return Optional.of(GNAD_CSV);
        return CsvParser.isHeader(first) ? Optional.of(CSV) : Optional.empty();
      }
      default -> { }
    }
    for (CorpusFormat f : values()) {
      if (f.extensions.contains(ext)) return Optional.of(f);
    }
    boolean time = Files.isRegularFile(file) && TextFiles.head(file).startsWith(TimeParser.MARKER);
    return time ? Optional.of(TIME) : Optional.empty();
  }
}

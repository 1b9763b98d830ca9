package io.newssearch.ingest;

import java.io.IOException;
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
  HTML(HtmlParser::new, "html", "htm");

  private final Supplier<ArticleParser> parser;
  private final Set<String> extensions;

  CorpusFormat(Supplier<ArticleParser> parser, String... extensions) {
    this.parser = parser;
    this.extensions = Set.of(extensions);
  }

  /** A new parser for this format. Parsers keep no state between files, but are cheap to make. */
  public ArticleParser parser() {
    return parser.get();
  }

  /**
   * The format of {@code file}, from its name, and for {@code .txt} from its first non-empty line
   * ("---" opens a header, anything else is scraped raw text); empty if unknown.
   *
   * @throws IOException when a .txt file cannot be read to tell which text format it is
   */
  public static Optional<CorpusFormat> detect(Path file) throws IOException {
    String name = TextFiles.logicalName(file);
    int dot = name.lastIndexOf('.');
    if (dot < 0) return Optional.empty();
    String ext = name.substring(dot + 1);
    if (ext.equals("txt")) {
      boolean header = TextFiles.firstNonEmptyLine(file).equals(HeaderTextParser.FENCE);
      return Optional.of(header ? HEADER_TEXT : RAW_TEXT);
    }
    for (CorpusFormat f : values()) {
      if (f.extensions.contains(ext)) return Optional.of(f);
    }
    return Optional.empty();
  }
}

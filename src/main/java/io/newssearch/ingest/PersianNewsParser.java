package io.newssearch.ingest;

import io.newssearch.article.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Persian news files (the Iranian news summarisation set): one article per {@code .txt} file,
 *
 * <pre>
 * agency###title###url###categories###YYYY-MM-DD HH:MM[:SS]###id###tags
 * 1@@@3                  (ids of the summary sentences: skipped)
 * 1&lt;TAB&gt;first sentence
 * 2&lt;TAB&gt;second sentence ...
 * </pre>
 *
 * Categories and tags are Python list literals ({@code ['a', 'b']}, with Python's backslash-u
 * escapes) or a bare word; both become tags. The date is Tehran local time, converted to UTC.
 * Source is the agency without the crawler's suffix ({@code asriran_1_data} is "asriran"), id
 * {@code <source>-<id>} with the id's Persian digits as ASCII, language "fa". A title of
 * {@code nan} (a pandas missing value) is no title. An unreadable date rejects the file.
 */
final class PersianNewsParser implements ArticleParser {

  static final String SEPARATOR = "###";
  static final int MIN_FIELDS = 6;
  private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]");
  private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");
  private static final Pattern SENTENCE_ID = Pattern.compile("^\\d+\\t");

  @Override
  public void parse(Path file, RecordSink sink) throws IOException {
    List<String> lines = TextFiles.read(file).lines().toList();
    try {
      sink.accept(article(lines), 1);
    } catch (BadRecordException e) {
      sink.reject(1, e.getMessage());
    }
  }

  static Article article(List<String> lines) throws BadRecordException {
    String[] f = lines.isEmpty() ? new String[0] : lines.getFirst().split(SEPARATOR, -1);
    if (f.length < MIN_FIELDS) {
      throw new BadRecordException("header line has " + f.length + " '###' fields, expected at least " + MIN_FIELDS);
    }
    String source = f[0].strip().replaceFirst("(_\\d+)?(_data)?\\d*$", "");
    String id = DateParser.normaliseDigits(f[5].strip());
    List<String> tags = new ArrayList<>(list(f[3]));
    if (f.length > 6) tags.addAll(list(f[6]));
    List<String> sentences = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (SENTENCE_ID.matcher(line).find()) sentences.add(SENTENCE_ID.matcher(line).replaceFirst("").strip());
    }
    String title = f[1].strip();
    return Article.builder()
        .id(id.isEmpty() ? null : source + "-" + id)
        .title(title.isEmpty() || title.equals("nan") ? null : title)
        .url(f[2].strip().isEmpty() ? null : f[2].strip())
        .body(String.join(" ", sentences))
        .published(date(f[4].strip()))
        .language("fa")
        .source(source.isEmpty() ? null : source)
        .tags(Tags.dedupe(tags))
        .build();
  }

  private static Instant date(String text) throws BadRecordException {
    if (text.isEmpty()) return null;
    try {
      return LocalDateTime.parse(DateParser.normaliseDigits(text), DATE).atZone(TEHRAN).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRecordException("unparseable date '" + text + "' in the header line");
    }
  }

  /** "['a', 'b']" as a Python list literal, else a bare value split like any tag string. */
  static List<String> list(String value) {
    String v = value.strip();
    if (!v.startsWith("[")) return Tags.split(v);
    List<String> out = new ArrayList<>();
    for (Matcher m = QUOTED.matcher(v); m.find(); ) {
      String item = m.group(1) != null ? m.group(1) : m.group(2);
      out.add(UNICODE_ESCAPE.matcher(item).replaceAll(u ->
          Matcher.quoteReplacement(Character.toString(Integer.parseInt(u.group(1), 16)))).replace("\\'", "'"));
    }
    return out;
  }

  /** Whether {@code firstLine} looks like this format's header: at least six '###' fields. */
  static boolean isHeader(String firstLine) {
    return firstLine.split(SEPARATOR, -1).length >= MIN_FIELDS;
  }
}

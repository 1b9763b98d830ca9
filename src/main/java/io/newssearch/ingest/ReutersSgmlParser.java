package io.newssearch.ingest;

import io.newssearch.article.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reuters-21578 SGML ({@code reut2-*.sgm}): many {@code <REUTERS ... NEWID="n">} records per file.
 *
 * <pre>
 * &lt;REUTERS TOPICS="YES" NEWID="1"&gt;
 * &lt;DATE&gt;26-FEB-1987 15:01:01.79&lt;/DATE&gt;
 * &lt;TOPICS&gt;&lt;D&gt;cocoa&lt;/D&gt;&lt;/TOPICS&gt;  &lt;PLACES&gt;&lt;D&gt;usa&lt;/D&gt;&lt;/PLACES&gt;
 * &lt;TEXT&gt;&lt;TITLE&gt;...&lt;/TITLE&gt;&lt;DATELINE&gt;...&lt;/DATELINE&gt;&lt;BODY&gt;...&lt;/BODY&gt;&lt;/TEXT&gt;
 * &lt;/REUTERS&gt;
 * </pre>
 *
 * Id {@code reuters-<NEWID>}, source "Reuters", language "en", DATE read as UTC, TOPICS then PLACES
 * as tags. Records without BODY ({@code TYPE="BRIEF"} or {@code "UNPROC"}) keep whatever text their
 * TEXT holds. The files are Latin-1 with SGML entities ({@code &lt; &amp; &#3;}), decoded here;
 * control characters the entities stand for (wire-service framing) are dropped. A record without
 * NEWID, or with an unreadable DATE, is rejected with the line it starts on.
 */
final class ReutersSgmlParser implements ArticleParser {

  private static final String OPEN = "<REUTERS ", CLOSE = "</REUTERS>";
  private static final Pattern NEWID = Pattern.compile("\\bNEWID=\"(\\d+)\"");
  /** "26-FEB-1987 15:01:01.79"; some DATEs carry trailing wire codes, so this is a find, not a match. */
  private static final Pattern DATE =
      Pattern.compile("(\\d{1,2})-([A-Z]{3})-(\\d{4})\\s+(?:(\\d{1,2}):(\\d{2}):(\\d{2}))?");
  private static final Pattern D = Pattern.compile("<D>(.*?)</D>", Pattern.DOTALL);
  private static final Pattern ENTITY = Pattern.compile("&(#\\d+|lt|gt|amp|quot);");
  private static final Pattern TAG = Pattern.compile("</?[A-Z]+\\b[^>]*>");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern HEAD_ELEMENTS = Pattern.compile("(?s)<(TITLE|DATELINE|AUTHOR)>.*?</\\1>");
  private static final Pattern STARS = Pattern.compile("^\\*+");
  private static final Pattern SIGNATURE = Pattern.compile("\\s*\\bReuter\\s*$");
  /** An indented line or a blank line starts a paragraph. */
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n(?=[ \\t])|\\n\\s*\\n");
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");

  @Override
  public void parse(Path file, RecordSink sink) throws IOException {
    String sgml = TextFiles.read(file, StandardCharsets.ISO_8859_1);
    int line = 1, counted = 0;
    for (int start = sgml.indexOf(OPEN); start >= 0; start = sgml.indexOf(OPEN, start + 1)) {
      line += newlines(sgml, counted, start);
      counted = start;
      int attributesEnd = sgml.indexOf('>', start);
      int end = attributesEnd < 0 ? -1 : sgml.indexOf(CLOSE, attributesEnd);
      if (end < 0) {
        sink.reject(line, "<REUTERS> record never closed by " + CLOSE);
        break;
      }
      try {
        sink.accept(article(sgml.substring(start + OPEN.length(), attributesEnd), sgml.substring(attributesEnd + 1, end)), line);
      } catch (BadRecordException e) {
        sink.reject(line, e.getMessage());
      }
    }
  }

  static Article article(String attributes, String record) throws BadRecordException {
    Matcher id = NEWID.matcher(attributes);
    if (!id.find()) throw new BadRecordException("<REUTERS> without NEWID attribute");
    String text = element(record, "TEXT");
    String body = element(text, "BODY");
    if (body == null && text != null) {
      // BRIEF and UNPROC records: the text is whatever TEXT holds besides its title and dateline.
      body = HEAD_ELEMENTS.matcher(text).replaceAll("");
    }
    List<String> tags = new ArrayList<>(values(element(record, "TOPICS")));
    tags.addAll(values(element(record, "PLACES")));
    String author = clean(element(text, "AUTHOR"));
    return Article.builder()
        .id("reuters-" + id.group(1))
        .title(clean(element(text, "TITLE")))
        .body(paragraphs(body))
        .published(date(element(record, "DATE")))
        .language("en")
        .source("Reuters")
        .author(author == null ? null : author.replaceFirst("^(?i)by\\s+", "").replaceFirst(",\\s*Reuters?$", ""))
        .tags(Tags.dedupe(tags))
        .build();
  }

  private static Instant date(String raw) throws BadRecordException {
    if (raw == null) return null;
    Matcher m = DATE.matcher(decode(raw));
    int month = m.find() ? MONTHS.indexOf(m.group(2).toUpperCase(Locale.ROOT)) + 1 : 0;
    if (month == 0) throw new BadRecordException("unreadable DATE '" + clean(raw) + "'");
    // One record's time is "605:12:19": a garbled time keeps its day, at midnight.
    boolean timed = m.group(4) != null && num(m.group(4)) < 24;
    try {
      return LocalDateTime.of(num(m.group(3)), month, num(m.group(1)), timed ? num(m.group(4)) : 0,
          timed ? num(m.group(5)) : 0, timed ? num(m.group(6)) : 0).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) { // 31-FEB, 60-MAR, 12:75:00: no such moment
      throw new BadRecordException("impossible DATE '" + clean(raw) + "'");
    }
  }

  /** The content of the first {@code <name ...>...</name>} in {@code sgml}, or null. */
  private static String element(String sgml, String name) {
    if (sgml == null) return null;
    int open = sgml.indexOf("<" + name);
    int start = open < 0 ? -1 : sgml.indexOf('>', open) + 1;
    int end = start <= 0 ? -1 : sgml.indexOf("</" + name + ">", start);
    return end < 0 ? null : sgml.substring(start, end);
  }

  private static List<String> values(String list) {
    if (list == null) return List.of();
    List<String> out = new ArrayList<>();
    for (Matcher m = D.matcher(list); m.find(); ) out.add(clean(m.group(1)));
    return out;
  }

  /** Story text: an indented line starts a paragraph, other line breaks are soft wraps. */
  private static String paragraphs(String sgml) {
    if (sgml == null) return null;
    String text = decode(TAG.matcher(sgml).replaceAll(" ")).strip();
    text = STARS.matcher(text).replaceFirst(""); // BRIEF records put "******" before their title
    text = SIGNATURE.matcher(text).replaceFirst(""); // the wire signature ending every story
    List<String> paragraphs = new ArrayList<>();
    for (String p : PARAGRAPH_BREAK.split(text)) {
      String joined = SPACES.matcher(p.strip()).replaceAll(" ");
      if (!joined.isEmpty()) paragraphs.add(joined);
    }
    return paragraphs.isEmpty() ? null : String.join("\n\n", paragraphs);
  }

  private static String clean(String sgml) {
    if (sgml == null) return null;
    String s = SPACES.matcher(decode(TAG.matcher(sgml).replaceAll(" ")).strip()).replaceAll(" ");
    return s.isEmpty() ? null : s;
  }

  /** Decodes SGML entities; control characters other than line breaks are dropped. */
  static String decode(String s) {
    String decoded = s.indexOf('&') < 0 ? s : ENTITY.matcher(s).replaceAll(m -> switch (m.group(1)) {
      case "lt" -> "<";
      case "gt" -> ">";
      case "amp" -> "&";
      case "quot" -> "\"";
      default -> Matcher.quoteReplacement(codePoint(m.group(1).substring(1)));
    });
    StringBuilder b = new StringBuilder(decoded.length());
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c == '\n' || c == '\t' || !Character.isISOControl(c)) b.append(c);
    }
    return b.toString();
  }

  /** A numeric entity's character; one too large to be a character (found by fuzzing) is U+FFFD. */
  private static String codePoint(String digits) {
    if (digits.length() > 7) {
      return "\uFFFD";
    }
    int cp = Integer.parseInt(digits);
    return Character.isValidCodePoint(cp) ? Character.toString(cp) : "\uFFFD";
  }

  private static int newlines(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) if (s.charAt(i) == '\n') n++;
    return n;
  }

  private static int num(String digits) {
    return Integer.parseInt(digits);
  }
}

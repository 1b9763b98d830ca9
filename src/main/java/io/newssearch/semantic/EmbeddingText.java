package io.newssearch.semantic;

import io.newssearch.article.Article;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text of an article that is embedded: its title, then the first {@value #LEDE_WORDS} words of
 * its body. Why not the whole body: the model reads at most 256 word pieces well (it was trained on
 * that length), a news story says what it is about first, and the cost grows with the length. The
 * title is not repeated when the body already starts with it (readers that take the first sentence
 * as the title, such as TIME's, would otherwise give it twice the weight).
 */
public final class EmbeddingText {

  /**
   * Languages the model serves: English only. all-MiniLM-L6-v2 is English-trained, and measured on
   * MasakhaNEWS it is far below lexical search on every other language but Nigerian Pidgin
   * (EVALUATION.md); both engines embed these articles only.
   */
  public static final Set<String> LANGUAGES = Set.of("en");

  /** Words of the body kept after the title. */
  public static final int LEDE_WORDS = 200;

  private EmbeddingText() {}

  /** What an article gets embedded as, or null when the model does not serve its language or it has no text. */
  public static String forArticle(Article a) {
    if (!LANGUAGES.contains(a.language())) {
      return null;
    }
    String text = of(a.title(), a.body());
    return text.isBlank() ? null : text;
  }

  /** @param title may be null or blank; @param body may be null */
  public static String of(String title, String body) {
    return of(title, body, LEDE_WORDS);
  }

  /** With another lede length, to measure what the length costs and gives. */
  public static String of(String title, String body, int ledeWords) {
    String t = title == null ? "" : title.strip();
    String lede = firstWords(body == null ? "" : body, ledeWords);
    if (t.isEmpty() || normalized(lede).startsWith(normalized(t))) {
      return lede;
    }
    return lede.isEmpty() ? t : t + "\n" + lede;
  }

  /** The first {@code n} whitespace-separated words, joined by single spaces. */
  static String firstWords(String text, int n) {
    StringBuilder sb = new StringBuilder();
    int words = 0;
    int i = 0;
    int len = text.length();
    while (i < len && words < n) {
      while (i < len && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < len && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        if (words++ > 0) {
          sb.append(' ');
        }
        sb.append(text, start, i);
      }
    }
    return sb.toString();
  }

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private static String normalized(String s) {
    return SPACES.matcher(s).replaceAll(" ").strip();
  }
}

package io.newssearch.ingest;

import io.newssearch.article.Article;
import io.newssearch.story.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Picks a handful of tags for an article that has none: the named things and key words a reader
 * would filter by ("Caspian Sea", "CASAREX 2025", "Iran").
 *
 * <p>Candidates, from title and body:
 *
 * <ul>
 *   <li>names: runs of capitalised words, acronyms and codenames ("SB738"), joined by connectors
 *       ("Bank of England") and followed by numbers ("CASAREX 2025"); a leading stopword, or a
 *       sentence's first word that also appears in lower case, is not part of a name;
 *   <li>title words: words of the title that recur in the body ("drill"), because a title in Title
 *       Case says nothing about which of its words are names;
 *   <li>for scripts without case (Arabic, Persian): recurring tokens of 4+ letters.
 * </ul>
 *
 * Score = occurrences × 2 if in the title, × 1.5 for multi-word names and for acronyms/codenames, ×
 * 0.75 for plain title words. A candidate needs two occurrences or a place in the title. Weekdays,
 * months, stopwords and bare numbers are never tags; a single word inside a chosen phrase is dropped
 * unless it also stands alone more often than the phrase occurs. Deterministic: ties go to the
 * earlier occurrence.
 *
 * <p>Known limit: German capitalises every noun, so German runs of nouns ("Jahren Bauzeit") can pass
 * for names; Russian and other inflected languages count each case form separately.
 */
public final class TagExtractor {

  public static final int DEFAULT_MAX_TAGS = 8;

  /** What the regex {@code \\s} matches. */
  private static final String WHITESPACE = " \t\n\u000B\f\r";
  private static final Set<String> CONNECTORS = Set.of(
      "of", "de", "du", "des", "la", "le", "von", "van", "der", "den", "al", "bin", "da", "do", "dos",
      "del", "di");

  public List<String> extract(Article article, int maxTags) {
    if (maxTags <= 0) return List.of();
    String title = article.title() == null ? "" : article.title();
    String body = article.body() == null ? "" : article.body();
    Map<String, Candidate> candidates = new LinkedHashMap<>();
    List<String> titleTokens = tokens(title);
    List<String> bodyTokens = tokens(body);
    if (isCased(titleTokens, bodyTokens)) {
      Set<String> lowerSeen = new HashSet<>();
      for (String t : concat(titleTokens, bodyTokens)) {
        if (Character.isLowerCase(t.codePointAt(0))) lowerSeen.add(t.toLowerCase(Locale.ROOT));
      }
      int pos = 0;
      for (String sentence : sentences(body)) {
        pos = names(sentence, lowerSeen, candidates, pos);
      }
      markTitle(candidates, titleTokens);
      titleWords(candidates, titleTokens, bodyTokens);
    } else {
      frequentTokens(candidates, titleTokens, bodyTokens);
    }
    return choose(candidates, maxTags);
  }

  /** Capitalised runs in one sentence; returns the position counter for tie-breaking. */
  private static int names(String sentence, Set<String> lowerSeen, Map<String, Candidate> out, int pos) {
    List<String> run = new ArrayList<>();
    boolean runStartsSentence = false;
    int[] spans = spans(sentence);
    int lastEnd = -1, index = 0;
    for (int k = 0; k < spans.length; k += 2) {
      int start = spans[k], end = spans[k + 1];
      String token = strip(sentence.substring(start, end));
      // Punctuation between two words ends a name: "Iran, Russia" is two names, not one.
      boolean adjacent = lastEnd >= 0 && sentence.substring(lastEnd, start).isBlank();
      if (adjacent && continues(run, token)) {
        run.add(token);
      } else {
        add(run, runStartsSentence, lowerSeen, out, pos++);
        if (startsName(token)) {
          run.add(token);
          runStartsSentence = index == 0;
        }
      }
      lastEnd = end;
      index++;
    }
    add(run, runStartsSentence, lowerSeen, out, pos++);
    return pos;
  }

  private static boolean continues(List<String> run, String token) {
    if (run.isEmpty()) return false;
    if (startsName(token)) return true;
    if (CONNECTORS.contains(token)) return true;
    return isNumber(token) && !CONNECTORS.contains(run.getLast());
  }

  private static boolean startsName(String token) {
    return (Character.isUpperCase(token.codePointAt(0)) || isCode(token)) && !CalendarWords.isCalendarWord(token);
  }

  /** Ends a run: trims connectors and a non-name first word, counts what is left, clears the run. */
  private static void add(List<String> run, boolean sentenceStart, Set<String> lowerSeen,
      Map<String, Candidate> out, int pos) {
    while (!run.isEmpty() && (CONNECTORS.contains(run.getLast()) || isNumber(run.getLast()) && run.size() == 1)) {
      run.removeLast();
    }
    boolean first = sentenceStart;
    while (!run.isEmpty() && (Stopwords.contains(run.getFirst())
        || first && lowerSeen.contains(run.getFirst().toLowerCase(Locale.ROOT)))) {
      run.removeFirst();
      first = false;
    }
    while (!run.isEmpty() && CONNECTORS.contains(run.getFirst())) run.removeFirst();
    if (!run.isEmpty() && !(run.size() == 1 && !eligible(run.getFirst()))) {
      String surface = String.join(" ", run);
      candidate(out, surface, pos, true).count(surface);
    }
    run.clear();
  }

  private static void markTitle(Map<String, Candidate> candidates, List<String> titleTokens) {
    String title = " " + String.join(" ", titleTokens).toLowerCase(Locale.ROOT) + " ";
    for (Map.Entry<String, Candidate> e : candidates.entrySet()) {
      if (title.contains(" " + e.getKey() + " ")) {
        e.getValue().inTitle = true;
        e.getValue().freq++;
      }
    }
  }

  /** Title words that recur in the body, for titles whose capitals mark no names. */
  private static void titleWords(Map<String, Candidate> out, List<String> titleTokens, List<String> bodyTokens) {
    Map<String, Integer> bodyCounts = counts(bodyTokens);
    Set<String> inNames = new HashSet<>();
    for (String key : out.keySet()) inNames.addAll(List.of(key.split(" ")));
    for (String t : titleTokens) {
      String key = t.toLowerCase(Locale.ROOT);
      int inBody = bodyCounts.getOrDefault(key, 0);
      if (inBody < 2 || inNames.contains(key) || out.containsKey(key) || !eligible(t) || key.length() < 3) continue;
      Candidate c = candidate(out, key, Integer.MAX_VALUE / 2, false);
      c.inTitle = true;
      c.freq = inBody + 1;
      for (String b : bodyTokens) {
        if (b.equalsIgnoreCase(key)) c.surfaces.merge(b, 1, Integer::sum);
      }
    }
  }

  /** For scripts without capitals: recurring longer words, counted over title and body. */
  private static void frequentTokens(Map<String, Candidate> out, List<String> titleTokens, List<String> bodyTokens) {
    Set<String> inTitle = new HashSet<>();
    for (String t : titleTokens) inTitle.add(t.toLowerCase(Locale.ROOT));
    int pos = 0;
    for (String t : concat(titleTokens, bodyTokens)) {
      if (t.codePointCount(0, t.length()) < 4 || !eligible(t)) continue;
      Candidate c = candidate(out, t, pos++, false);
      c.count(t);
      c.inTitle = inTitle.contains(t.toLowerCase(Locale.ROOT));
    }
  }

  private static List<String> choose(Map<String, Candidate> candidates, int maxTags) {
    List<Candidate> ranked = candidates.values().stream()
        .filter(c -> c.freq >= 2 || c.inTitle)
        .sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparingInt(c -> c.firstPos))
        .toList();
    List<Candidate> chosen = new ArrayList<>();
    for (Candidate c : ranked) {
      if (chosen.size() == maxTags) break;
      if (c.words == 1 && insidePhrase(c, ranked)) continue;
      chosen.add(c);
    }
    return chosen.stream().map(Candidate::display).toList();
  }

  /** A single word that mostly occurs inside a better-ranked phrase adds nothing as its own tag. */
  private static boolean insidePhrase(Candidate single, List<Candidate> ranked) {
    for (Candidate p : ranked) {
      if (p.words > 1 && List.of(p.key.split(" ")).contains(single.key) && single.freq <= p.freq) return true;
    }
    return false;
  }

  private static Candidate candidate(Map<String, Candidate> out, String surface, int pos, boolean named) {
    return out.computeIfAbsent(surface.toLowerCase(Locale.ROOT), k -> new Candidate(k, pos, named));
  }

  private static boolean eligible(String token) {
    return token.length() >= 2 && !Stopwords.contains(token) && !CalendarWords.isCalendarWord(token)
        && !isNumber(token);
  }

  /** An acronym ("IRGC") or codename with digits ("SB738"): a name even without a capital start. */
  private static boolean isCode(String token) {
    boolean letter = false, digit = false, lower = false;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      letter |= Character.isLetter(c);
      digit |= Character.isDigit(c);
      lower |= Character.isLowerCase(c);
    }
    return letter && (digit || (!lower && token.length() >= 2));
  }

  private static boolean isNumber(String token) {
    return token.chars().allMatch(Character::isDigit);
  }

  /**
   * "Iran’s" → "Iran", "l'Iran" → "Iran": possessives and elided articles are not part of names. A
   * trailing {@code 's} (either apostrophe, either case) is cut, then one or two lower-case letters
   * and an apostrophe before the rest.
   */
  static String strip(String token) {
    String t = token;
    int n = t.length();
    if (n >= 2 && apostrophe(t.charAt(n - 2)) && (t.charAt(n - 1) == 's' || t.charAt(n - 1) == 'S')) {
      t = t.substring(0, n - 2);
    }
    int first = t.isEmpty() ? -1 : t.codePointAt(0);
    if (first < 0 || Character.getType(first) != Character.LOWERCASE_LETTER) {
      return t;
    }
    int at = Character.charCount(first);
    if (at < t.length() && !apostrophe(t.charAt(at))) {
      int second = t.codePointAt(at);
      if (Character.getType(second) != Character.LOWERCASE_LETTER) {
        return t;
      }
      at += Character.charCount(second);
    }
    return at + 1 < t.length() && apostrophe(t.charAt(at)) ? t.substring(at + 1) : t;
  }

  private static boolean apostrophe(char c) {
    return c == '\'' || c == '’';
  }

  /**
   * The text cut where white space follows one of {@code .!?…}, and at newlines, as
   * {@code text.split("(?<=[.!?…])\\s+|\\n+")} cuts it (an empty piece before a break at the start
   * kept, empty pieces at the end dropped), without the regex: ties between tags go to the earlier
   * candidate, and the positions count these pieces.
   */
  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    int from = 0;
    int i = 0;
    while (i < text.length()) {
      int end = i;
      if (i > 0 && ".!?…".indexOf(text.charAt(i - 1)) >= 0) {
        while (end < text.length() && WHITESPACE.indexOf(text.charAt(end)) >= 0) {
          end++;
        }
      }
      if (end == i) {
        while (end < text.length() && text.charAt(end) == '\n') {
          end++;
        }
      }
      if (end > i) {
        out.add(text.substring(from, i));
        from = i = end;
      } else {
        i++;
      }
    }
    if (from == 0) {
      return List.of(text); // no break: the whole text, even when empty
    }
    out.add(text.substring(from));
    int size = out.size();
    while (size > 0 && out.get(size - 1).isEmpty()) {
      size--;
    }
    return out.subList(0, size);
  }

  /** The words of a text, each stripped ({@link #strip}). */
  static List<String> tokens(String text) {
    int[] spans = spans(text);
    List<String> out = new ArrayList<>(spans.length / 2);
    for (int k = 0; k < spans.length; k += 2) {
      out.add(strip(text.substring(spans[k], spans[k + 1])));
    }
    return out;
  }

  /**
   * Where the words of s start and end, in pairs: runs of letters, marks and digits, an apostrophe
   * joining letters and marks ("O'Neill", "Iran’s"), as the regex
   * {@code [\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*} finds them. A scan by hand: that regex and the
   * two that stripped each word were nearly half of tagging's time.
   */
  static int[] spans(String s) {
    int[] out = new int[16];
    int n = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (!Signature.isWordChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < s.length() && Signature.isWordChar(cp = s.codePointAt(i))) {
        i += Character.charCount(cp);
      }
      while (i + 1 < s.length() && apostrophe(s.charAt(i)) && letterOrMark(s.codePointAt(i + 1))) {
        i++;
        while (i < s.length() && letterOrMark(cp = s.codePointAt(i))) {
          i += Character.charCount(cp);
        }
      }
      if (n + 2 > out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      out[n++] = start;
      out[n++] = i;
    }
    return Arrays.copyOf(out, n);
  }

  private static boolean letterOrMark(int cp) {
    return Character.isLetter(cp) || switch (Character.getType(cp)) {
      case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> true;
      default -> false;
    };
  }

  /** Whether capitals mean anything: most letters are in a script with case (not Arabic, Persian). */
  private static boolean isCased(List<String> title, List<String> body) {
    int cased = 0, all = 0;
    for (String t : concat(title, body)) {
      all++;
      int cp = t.codePointAt(0);
      if (Character.isUpperCase(cp) || Character.isLowerCase(cp)) cased++;
    }
    return all > 0 && cased * 2 > all;
  }

  private static Map<String, Integer> counts(List<String> tokens) {
    Map<String, Integer> counts = new HashMap<>();
    for (String t : tokens) counts.merge(t.toLowerCase(Locale.ROOT), 1, Integer::sum);
    return counts;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static final class Candidate {
    final String key;
    final int firstPos;
    final boolean named;
    final int words;
    final Map<String, Integer> surfaces = new HashMap<>();
    int freq;
    boolean inTitle;

    Candidate(String key, int firstPos, boolean named) {
      this.key = key;
      this.firstPos = firstPos;
      this.named = named;
      this.words = key.split(" ").length;
    }

    void count(String surface) {
      freq++;
      surfaces.merge(surface, 1, Integer::sum);
    }

    double score() {
      double s = freq * (inTitle ? 2.0 : 1.0);
      if (named && words > 1) s *= 1.5;
      if (named && surfaces.keySet().stream().anyMatch(TagExtractor::hasCode)) s *= 1.5;
      if (!named) s *= 0.75;
      return s;
    }

    /** The spelling the text uses most; ties go to the alphabetically first, for stable output. */
    String display() {
      String best = key;
      int bestCount = 0;
      for (Map.Entry<String, Integer> e : surfaces.entrySet()) {
        int n = e.getValue();
        if (n > bestCount || (n == bestCount && e.getKey().compareTo(best) < 0)) {
          best = e.getKey();
          bestCount = n;
        }
      }
      return best;
    }
  }

  private static boolean hasCode(String surface) {
    for (String w : surface.split(" ")) {
      if (isCode(w)) return true;
    }
    return false;
  }
}

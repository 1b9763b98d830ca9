package io.newssearch.entities;

import io.newssearch.ingest.CalendarWords;
import io.newssearch.ingest.Stopwords;
import io.newssearch.story.Signature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds people, organisations and places by capitalised-name patterns, typed by cue words
 * ({@link EntityCues}): a word inside the name ("Bank", "River"), a title before it ("President"), a
 * speech verb after it ("said"), a place preposition before it ("in", "aus", "из"), a Turkish case
 * ending ("Karadeniz'de"), a Russian place noun after it ("Томской области"). Two or three plain
 * capitalised words with none of these cues are taken for a person's name; a lone capitalised word
 * with no cue is left out, since it is as often a common word at a sentence's start.
 *
 * <p>Known limits: German capitalises every noun, so a lone German word counts as a place only with
 * a place-like ending ("-hafen", "-bach"); inflected languages keep the form in the text ("Перми");
 * the same name may be typed differently in two articles.
 */
public final class EntityExtractor {

  public static final int MAX_PER_TYPE = 10;
  /** Longest name kept: names are indexed as exact terms, and no person, organisation or place is longer. */
  static final int MAX_NAME_CHARS = 200;

  /** What the regex {@code \s} matches: a sentence ends at one of these after {@code .!?…}. */
  private static final String WHITESPACE = " \t\n\u000B\f\r";
  private static final Set<String> AND = Set.of("and", "und", "et", "y", "e", "и", "ve");

  private enum Type { PERSON, ORG, PLACE }

  private record Tok(String text, String lower, int start, int end) {}

  public Entities extract(String title, String body, String language) {
    String text = (body == null ? "" : body);
    if (!isCased(text)) {
      return Entities.NONE;
    }
    String lang = language == null ? "" : language;
    // The body is tokenised once: its words feed lowerSeen and are then cut into sentences where
    // the gap between two words holds a break, instead of splitting the text and tokenising each
    // sentence again (the regexes were half of the extractor's time, and it a sixth of indexing).
    List<Tok> toks = tokens(text);
    Set<String> lowerSeen = new HashSet<>();
    for (Tok t : toks) {
      if (Character.isLowerCase(t.text().codePointAt(0))) lowerSeen.add(t.lower());
    }
    Found found = new Found();
    if (title != null && !isTitleCase(title)) {
      sentence(title, tokens(title), lang, lowerSeen, found);
    }
    int from = 0;
    for (int k = 1; k <= toks.size(); k++) {
      if (k == toks.size() || sentenceBreak(text, toks.get(k - 1).end(), toks.get(k).start())) {
        sentence(text, toks.subList(from, k), lang, lowerSeen, found);
        from = k;
      }
    }
    return new Entities(found.cap(found.people), found.cap(found.orgs), found.cap(found.places));
  }

  /**
   * The words of s: runs of letters, marks and digits, joined by a hyphen or an apostrophe between
   * two of them ("Jean-Pierre", "O'Neill"). A scan by hand: the regex it replaces,
   * {@code [\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*}, was a third of the extractor's time.
   */
  private static List<Tok> tokens(String s) {
    List<Tok> toks = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (!Signature.isWordChar(s.codePointAt(i))) {
        i += Character.charCount(s.codePointAt(i));
        continue;
      }
      int start = i;
      i = skipWordChars(s, i);
      while (i + 1 < n && joiner(s.charAt(i)) && Signature.isWordChar(s.codePointAt(i + 1))) {
        i = skipWordChars(s, i + 1);
      }
      String w = s.substring(start, i);
      toks.add(new Tok(w, w.toLowerCase(Locale.ROOT), start, i));
    }
    return toks;
  }

  private static int skipWordChars(String s, int i) {
    while (i < s.length() && Signature.isWordChar(s.codePointAt(i))) {
      i += Character.charCount(s.codePointAt(i));
    }
    return i;
  }

  private static boolean joiner(char c) {
    return c == '-' || c == '\'' || c == '’';
  }


  /**
   * Whether text[from, to), the gap between two words, ends a sentence: a newline, or one of
   * {@code .!?…} followed by white space (a word never holds either, so no break falls inside one).
   */
  static boolean sentenceBreak(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\n') return true;
      if ((c == '.' || c == '!' || c == '?' || c == '…') && i + 1 < to && WHITESPACE.indexOf(text.charAt(i + 1)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Between two words of one name only spaces may stand; a comma or a quote ends the name. */
  private static boolean sameNameGap(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\u00a0') return false;
    }
    return from < to;
  }

  /** @param s the text the tokens' offsets point into; toks one sentence's words */
  private void sentence(String s, List<Tok> toks, String lang, Set<String> lowerSeen, Found found) {
    Type lastType = null;
    int lastEnd = -1;
    for (int i = 0; i < toks.size(); ) {
      if (!capitalised(toks.get(i).text())) { i++; continue; }
      int j = i + 1; // the run is [i, j)
      while (j < toks.size() && sameNameGap(s, toks.get(j - 1).end(), toks.get(j).start())
          && !possessive(toks.get(j - 1).lower())) { // "Greyhaven's Old Tanner Bridge" is two names
        if (capitalised(toks.get(j).text())) { j++; continue; }
        if (connector(toks.get(j).lower(), lang) && j + 1 < toks.size() && capitalised(toks.get(j + 1).text())
            && sameNameGap(s, toks.get(j).end(), toks.get(j + 1).start())) { j += 2; continue; }
        break;
      }
      int next = j;
      boolean titled = false;
      int a = i;
      while (a < j && (EntityCues.PERSON_TITLES.contains(toks.get(a).lower()) || Stopwords.contains(toks.get(a).lower())
          || CalendarWords.isCalendarWord(toks.get(a).text()) || (a == 0 && lowerSeen.contains(toks.get(a).lower())))) {
        titled |= EntityCues.PERSON_TITLES.contains(toks.get(a).lower());
        a++;
      }
      if (a < j) {
        Type t = type(toks, a, j, i, lang, titled, lastType, lastEnd, found);
        int end = j;
        if (j < toks.size() && EntityCues.PLACE_TAILS.contains(toks.get(j).lower())) {
          end = j + 1; // "Томской области": the place noun belongs to the name
          t = Type.PLACE;
          next = j + 1;
        }
        if (t != null) {
          found.add(t, name(s, toks, a, end));
          lastType = t;
          lastEnd = end;
        }
      }
      i = next;
    }
  }

  private static Type type(List<Tok> toks, int a, int j, int runStart, String lang, boolean titled,
      Type lastType, int lastEnd, Found found) {
    List<String> words = new ArrayList<>(); // lower case, possessive or case ending left off
    for (int k = a; k < j; k++) words.add(stripSuffix(toks.get(k).lower()));
    if (words.stream().anyMatch(EntityCues.ORG_WORDS::contains) || (acronym(toks.get(a).text()) && j - a > 1)
        || (acronym(toks.get(a).text()) && j - a == 1 && toks.get(a).text().length() >= 3)) {
      return Type.ORG;
    }
    if (titled || (j < toks.size() && EntityCues.SPEECH_VERBS.contains(toks.get(j).lower()))) {
      return Type.PERSON;
    }
    String last = toks.get(j - 1).lower();
    int apostrophe = Math.max(last.indexOf('\''), last.indexOf('’'));
    if (lang.equals("tr") && apostrophe > 0 && EntityCues.TURKISH_PLACE_CASES.contains(last.substring(apostrophe + 1))) {
      return Type.PLACE;
    }
    if (words.stream().anyMatch(EntityCues.PLACE_WORDS::contains) && j - a > 1) {
      return Type.PLACE;
    }
    int p = runStart - 1;
    if (p >= 0 && EntityCues.ARTICLES.contains(toks.get(p).lower())) p--;
    boolean afterPreposition = p >= 0 && EntityCues.PLACE_PREPOSITIONS.contains(toks.get(p).lower());
    boolean afterPlaceAnd = p >= 1 && AND.contains(toks.get(p).lower()) && lastType == Type.PLACE && lastEnd == p;
    if (afterPreposition || afterPlaceAnd) {
      boolean germanNoun = lang.equals("de") && j - a == 1
          && EntityCues.GERMAN_PLACE_ENDINGS.stream().noneMatch(e -> words.get(0).endsWith(e));
      return germanNoun && !afterPlaceAnd ? null : Type.PLACE;
    }
    if (j - a >= 2 && j - a <= 3 && words.stream().noneMatch(w -> connector(w, lang))
        && !lang.equals("de")) {
      return Type.PERSON;
    }
    return null;
  }

  /** The name as written, a trailing possessive or Turkish case ending left off. */
  private static String name(String s, List<Tok> toks, int a, int end) {
    String n = s.substring(toks.get(a).start(), toks.get(end - 1).end());
    return stripSuffix(n);
  }

  private static String stripSuffix(String w) {
    int ap = Math.max(w.lastIndexOf('\''), w.lastIndexOf('’'));
    return ap > 0 && w.length() - ap <= 4 ? w.substring(0, ap) : w;
  }

  private static boolean possessive(String lower) {
    return lower.endsWith("'s") || lower.endsWith("’s");
  }

  /** German "der", "des", "den" are articles of a genitive ("Gesundheitsamt des Kreises"), not joiners. */
  private static boolean connector(String lower, String lang) {
    return lang.equals("de") ? lower.equals("von") || lower.equals("zu") : EntityCues.CONNECTORS.contains(lower);
  }

  private static boolean capitalised(String w) {
    return Character.isUpperCase(w.codePointAt(0));
  }

  private static boolean acronym(String w) {
    return w.length() >= 2 && w.length() <= 6 && w.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
  }

  /** Most letters of the text belong to a script with case (Latin, Cyrillic, Greek...). */
  private static boolean isCased(String text) {
    int letters = 0, cased = 0;
    for (int i = 0; i < text.length() && letters < 2000; i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (Character.isUpperCase(c) || Character.isLowerCase(c)) cased++;
      }
    }
    return letters > 0 && cased * 2 > letters;
  }

  /** "Lighthouse Keepers Return to Marrow Rock": a headline in Title Case says nothing about names. */
  private static boolean isTitleCase(String title) {
    int words = 0, caps = 0;
    for (Tok t : tokens(title)) {
      if (t.text().length() >= 4) {
        words++;
        if (capitalised(t.text())) caps++;
      }
    }
    return words > 0 && caps * 10 >= words * 6;
  }

  /** Names found so far, by type, first mention first; a surname alone is its person. */
  private static final class Found {
    final Set<String> people = new LinkedHashSet<>(), orgs = new LinkedHashSet<>(), places = new LinkedHashSet<>();

    void add(Type t, String name) {
      if (name.length() > MAX_NAME_CHARS) return; // a run of letters, not a name (and too long to index)
      if (people.contains(name) || orgs.contains(name) || places.contains(name)) return;
      if (t == Type.PERSON && people.stream().anyMatch(p -> p.endsWith(" " + name))) return;
      (t == Type.PERSON ? people : t == Type.ORG ? orgs : places).add(name);
    }

    List<String> cap(Set<String> s) {
      return s.stream().limit(MAX_PER_TYPE).toList();
    }
  }
}

package io.newssearch.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises the lines a scraped news page repeats around every story: navigation, share buttons,
 * "Read more", "Advertisement", in English, French, German, Spanish, Russian, Arabic and Persian.
 * Used by the raw-text and HTML parsers so both drop the same furniture.
 *
 * <p>A line is boilerplate when, after lower-casing and dropping punctuation, it is a known phrase,
 * or it is short and every word in it is a known nav/share word ("Twitter (X)", "Share This Post").
 */
final class Boilerplate {

  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\u200C]+");

  /** Longest line, in words, that can be boilerplate by consisting of nav/share words only. */
  private static final int MAX_WORDS = 6;

  private static final Set<String> WORDS = Set.of(
      // social networks and share buttons
      "share", "shares", "shared", "this", "post", "article", "story", "page", "facebook", "twitter",
      "x", "whatsapp", "telegram", "linkedin", "email", "e", "mail", "print", "instagram",
      "pinterest", "reddit", "tumblr", "threads", "bluesky", "vk", "vkontakte", "messenger", "copy",
      "link", "tweet", "youtube", "tiktok", "on", "via", "with", "friends", "follow", "us",
      // navigation and site furniture
      "more", "menu", "home", "search", "subscribe", "login", "log", "in", "out", "sign", "up",
      "register", "read", "related", "advertisement", "ad", "ads", "sponsored", "languages",
      "language", "next", "previous", "prev", "back", "top", "to", "close", "skip", "content",
      "main", "navigation", "toggle", "newsletter", "comments", "comment", "tags", "share:",
      // French
      "partager", "partagez", "accueil", "rechercher", "recherche", "lire", "aussi", "la", "suite",
      "publicité", "abonner", "abonnez", "vous", "s", "connexion", "imprimer", "plus", "langues",
      "suivez", "nous", "sur", "envoyer", "par", "courriel", "articles", "liés",
      // German
      "teilen", "startseite", "suche", "suchen", "anmelden", "abonnieren", "drucken", "mehr",
      "weiterlesen", "lesen", "sie", "auch", "werbung", "anzeige", "sprachen", "folgen", "uns",
      "auf", "artikel", "verwandte", "themen", "per",
      // Spanish
      "compartir", "comparte", "inicio", "buscar", "suscribirse", "suscríbete", "leer", "más",
      "publicidad", "imprimir", "relacionado", "relacionados", "idiomas", "síguenos", "en", "correo",
      // Russian
      "поделиться", "главная", "поиск", "подписаться", "войти", "читать", "далее", "читайте",
      "также", "реклама", "печать", "ещё", "еще", "меню", "языки", "вконтакте", "одноклассники",
      "телеграм", "в", "нас", "подробнее", "новости",
      // Arabic
      "شارك", "مشاركة", "الرئيسية", "بحث", "اشترك", "تسجيل", "الدخول", "اقرأ", "أيضا", "ايضا",
      "إعلان", "اعلان", "طباعة", "المزيد", "فيسبوك", "تويتر", "واتساب", "تيليجرام", "اللغات",
      // Persian
      "اشتراک", "اشتراک‌گذاری", "خانه", "جستجو", "ورود", "بیشتر", "بخوانید", "تبلیغات", "چاپ",
      "منو", "زبان‌ها", "زبانها", "فیسبوک", "توییتر", "تلگرام", "واتس‌اپ");

  /** Phrases that are boilerplate as a whole although a word in them is not (or not always). */
  private static final Set<String> PHRASES = Set.of(
      "share this post", "share this article", "read more", "read also", "see also", "you may also like",
      "also read", "related articles", "related posts", "most read", "trending now", "lire aussi",
      "à lire aussi", "lesen sie auch", "mehr zum thema", "leer más", "lee también", "te puede interesar",
      "читайте также", "читать далее", "اقرأ أيضا", "اقرأ أيضاً", "بیشتر بخوانید", "مطالب مرتبط",
      "all rights reserved", "tous droits réservés", "alle rechte vorbehalten",
      "todos los derechos reservados", "все права защищены", "جميع الحقوق محفوظة");

  /** Line starts that mark a "see also" teaser whatever follows: "Read more: Other story". */
  private static final Set<String> PREFIXES = Set.of(
      "read more", "read also", "related", "see also", "also read", "advertisement", "lire aussi",
      "lesen sie auch", "lee también", "leer más", "читайте также", "اقرأ أيضا", "بیشتر بخوانید",
      "©", "copyright");

  private Boilerplate() {}

  static boolean isBoilerplate(String line) {
    String raw = line.strip().toLowerCase(Locale.ROOT);
    if (raw.isEmpty()) return false;
    String norm = normalise(raw);
    if (norm.isEmpty()) return true; // only punctuation or symbols: dividers, bullets, "—"
    if (PHRASES.contains(norm)) return true;
    String[] words = norm.split(" ");
    for (String prefix : PREFIXES) {
      if ((raw.startsWith(prefix) || norm.startsWith(prefix)) && words.length <= 15) return true;
    }
    if (words.length > MAX_WORDS) return false;
    for (String w : words) {
      if (!WORDS.contains(w)) return false;
    }
    return true;
  }

  /** Lower case, punctuation and symbols as spaces, whitespace collapsed. */
  static String normalise(String lowerCased) {
    return NOT_WORD.matcher(lowerCased).replaceAll(" ").strip();
  }
}

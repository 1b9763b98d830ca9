package io.newssearch.ingest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Month and weekday names in the languages of our corpora, shared by {@link DateParser} (to read
 * dates) and {@link TagExtractor} (so "July" or "Friday" never become tags).
 *
 * Also read by the search package, which turns date phrases in queries ("since March 2024",
 * "с марта 2024", "в марте") into filters; hence Russian genitive and prepositional forms.
 *
 * <p>Only Gregorian month names: Arabic has two sets (Egyptian يوليو and Levantine تموز), Persian news
 * writes Gregorian months as ژانویه... Solar Hijri months (فروردین...) are a different calendar and
 * are not converted.
 */
public final class CalendarWords {

  private static final Map<String, Integer> MONTHS = new HashMap<>();
  private static final Set<String> WEEKDAYS = new HashSet<>();

  static {
    // One row per month, 1..12; each row lists every spelling we accept, already lower case.
    String[][] months = {
      {"january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene", "gennaio", "gen",
        "janeiro", "январь", "января", "январе", "янв", "يناير", "كانون الثاني", "ژانویه"},
      {"february", "feb", "février", "fevrier", "févr", "fevr", "februar", "febrero", "febbraio",
        "fevereiro", "fev", "февраль", "февраля", "феврале", "фев", "فبراير", "شباط", "فوریه"},
      {"march", "mar", "mars", "märz", "maerz", "mär", "marzo", "março", "marco", "март", "марта", "марте",
        "мар", "مارس", "آذار", "اذار"},
      {"april", "apr", "avril", "avr", "abril", "abr", "aprile", "апрель", "апреля", "апреле", "апр",
        "أبريل", "ابريل", "إبريل", "نيسان", "آوریل"},
      {"may", "mai", "mayo", "maggio", "mag", "maio", "май", "мая", "мае", "مايو", "أيار", "ايار", "مه"},
      {"june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho", "июнь", "июня", "июне", "июн",
        "يونيو", "يونيه", "حزيران", "ژوئن"},
      {"july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho", "июль", "июля", "июле",
        "июл", "يوليو", "يوليه", "تموز", "ژوئیه", "ژوییه", "جولای"},
      {"august", "aug", "août", "aout", "agosto", "ago", "agosto", "август", "августа", "августе", "авг",
        "أغسطس", "اغسطس", "آب", "اوت", "آگوست"},
      {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set",
        "setembro", "сентябрь", "сентября", "сентябре", "сен", "سبتمبر", "أيلول", "ايلول", "سپتامبر"},
      {"october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro", "out",
        "октябрь", "октября", "октябре", "окт", "أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول", "اکتبر"},
      {"november", "nov", "novembre", "noviembre", "novembro", "ноябрь", "ноября", "ноябре", "ноя", "نوفمبر",
        "تشرين الثاني", "نوامبر"},
      {"december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic",
        "dicembre", "dezembro", "декабрь", "декабря", "декабре", "дек", "ديسمبر", "كانون الأول", "كانون الاول",
        "دسامبر"},
    };
    for (int m = 0; m < months.length; m++) {
      for (String name : months[m]) {
        MONTHS.put(name, m + 1);
      }
    }
    String[] weekdays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
      "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
      "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
      "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo",
      "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
      "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
      "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
      "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس", "الجمعة", "السبت", "الأحد",
      "الاحد", "دوشنبه", "سه‌شنبه", "سه شنبه", "چهارشنبه", "پنجشنبه", "پنج‌شنبه", "جمعه", "شنبه",
      "یکشنبه", "یک‌شنبه",
    };
    WEEKDAYS.addAll(Set.of(weekdays));
  }

  private CalendarWords() {}

  /** Month number 1..12 for a month name or abbreviation (any case, trailing dot allowed), else 0. */
  public static int month(String word) {
    return MONTHS.getOrDefault(key(word), 0);
  }

  static boolean isWeekday(String word) {
    return WEEKDAYS.contains(key(word));
  }

  public static boolean isCalendarWord(String word) {
    return month(word) > 0 || isWeekday(word);
  }

  /**
   * Two-word month names (Levantine Arabic "تشرين الأول"), which a tokenizer must keep together; it
   * may join them with '_', which {@link #month} reads as a space.
   */
  static Iterable<String> multiWordMonths() {
    return MONTHS.keySet().stream().filter(k -> k.indexOf(' ') > 0).toList();
  }

  private static String key(String word) {
    String w = word.strip().replace('_', ' ').toLowerCase(Locale.ROOT);
    return w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
  }
}

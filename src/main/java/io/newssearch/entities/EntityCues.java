package io.newssearch.entities;

import java.util.Set;

/**
 * The cue words the heuristics type names by, for the cased languages of our corpora (en, de, fr,
 * es, it, pt, ru, tr). These are ordinary words around or inside names ("Bank", "River", "said",
 * "in"), not lists of names: a name never seen before is typed the same way.
 */
final class EntityCues {

  private EntityCues() {}

  /** A word inside a name that makes it an organisation ("Bank of England", "TSV", "Rovers"). */
  static final Set<String> ORG_WORDS = Set.of(
      "bank", "corp", "corporation", "inc", "ltd", "plc", "group", "company", "co", "holdings",
      "ministry", "council", "agency", "union", "university", "institute", "organization",
      "organisation", "party", "commission", "court", "navy", "army", "fleet", "service", "association",
      "committee", "federation", "authority", "fund", "reserve", "rovers", "athletic", "united", "fc",
      "club", "school", "college", "hospital", "police", "parliament", "senate", "congress", "times",
      "news", "press", "airlines", "airways",
      "ag", "gmbh", "ministerium", "hochschule", "universität", "partei", "verein", "landtag",
      "bundestag", "regierung", "amt", "gesundheitsamt", "stadtrat", "konzern",
      "banque", "ministère", "parti", "société", "assemblée", "université", "conseil", "rc", "sa",
      "ayuntamiento", "universidad", "partido", "ministerio", "colegio", "banco", "universidade",
      "università", "comune", "partito",
      "министерство", "банк", "университет", "партия", "правительство", "дума", "компания", "клуб");

  /** A word inside a name that makes it a place ("Caspian Sea", "River Wend", "Port Aldery"). */
  static final Set<String> PLACE_WORDS = Set.of(
      "sea", "ocean", "river", "mountains", "mountain", "mount", "island", "islands", "isle", "gulf",
      "bay", "lake", "valley", "strait", "province", "region", "county", "city", "state", "republic",
      "kingdom", "coast", "street", "road", "lane", "avenue", "square", "bridge", "port", "point",
      "harbour", "harbor", "hills", "hill", "end", "row", "rock", "house", "peninsula", "desert",
      "mer", "mont", "golfe", "lac", "rue", "île", "val", "saint", "sainte",
      "see", "meer", "berg", "insel", "fluss", "straße", "tal",
      "mar", "río", "rio", "monte", "isla", "sierra", "lago", "valle", "golfo", "san", "santa");

  /** Russian and other lower-case place nouns that follow a name ("Томской области", "Баренцевом море"). */
  static final Set<String> PLACE_TAILS = Set.of("море", "моря", "области", "область", "края", "край",
      "районе", "района", "район", "озеро", "озера", "реки", "река", "полуострова", "острова");

  /** Words before a name that make it a person ("President", "Mr", "schoolteacher" is not needed). */
  static final Set<String> PERSON_TITLES = Set.of(
      "president", "minister", "mr", "mrs", "ms", "dr", "chancellor", "governor", "secretary", "ceo",
      "chief", "spokesman", "spokeswoman", "spokesperson", "king", "queen", "pope", "senator", "judge",
      "mayor", "coach", "prince", "princess", "sir", "lord", "general", "captain",
      "président", "présidente", "ministre", "m", "mme", "maire", "präsident", "präsidentin",
      "kanzler", "kanzlerin", "bürgermeister", "bürgermeisterin", "herr", "frau", "presidente",
      "ministro", "ministra", "señor", "señora", "sr", "sra", "alcalde", "sindaco",
      "президент", "министр", "премьер", "губернатор", "мэр", "глава");

  /** Verbs right after a name that make it a person ("Lagarde said"). */
  static final Set<String> SPEECH_VERBS = Set.of("said", "says", "told", "added", "wrote", "declared",
      "sagte", "erklärte", "dit", "déclare", "dijo", "afirmó", "disse", "сказал", "сказала", "заявил",
      "заявила", "сообщил", "сообщила");

  /** Prepositions after which a capitalised word is most likely a place. */
  static final Set<String> PLACE_PREPOSITIONS = Set.of(
      "in", "at", "near", "from", "to", "into", "onto", "across", "outside", "of", "off", "around",
      "à", "au", "aux", "de", "du", "des", "en", "près", "vers",
      "im", "nach", "aus", "bei", "von", "zwischen",
      "del", "desde", "hacia", "di", "da", "dal", "nel", "em", "no", "na",
      "в", "во", "на", "из", "под", "у", "до", "над");

  /** Articles that may sit between a preposition and the name ("in den Ostalpen", "de la Brèche"). */
  static final Set<String> ARTICLES = Set.of("the", "der", "den", "dem", "die", "das", "la", "le", "les",
      "l", "el", "los", "las", "il", "lo", "gli", "o", "a", "os", "as");

  /** Joiners inside a name ("Bank of England", "Mar de Alborán"). */
  static final Set<String> CONNECTORS = Set.of("of", "de", "du", "des", "la", "le", "von", "van", "der",
      "den", "al", "bin", "da", "do", "dos", "del", "di", "y");

  /** German capitalises every noun: a lone German word needs one of these endings to be a place. */
  static final Set<String> GERMAN_PLACE_ENDINGS = Set.of("hafen", "bach", "dorf", "burg", "berg", "stadt",
      "heim", "hausen", "feld", "alpen", "furt", "brück", "brücken", "ingen", "au", "see", "land");

  /** Turkish case endings after an apostrophe ("Karadeniz'de"): locative and ablative mean a place. */
  static final Set<String> TURKISH_PLACE_CASES = Set.of("de", "da", "te", "ta", "den", "dan", "ten", "tan",
      "e", "a", "ye", "ya");
}

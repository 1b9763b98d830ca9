package io.newssearch.ingest;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Function words that are never tags, for the languages of our corpora (en, fr, de, es, it, pt, ru,
 * ar, fa). Tag extraction only: search analysis has its own per-language lists in Lucene.
 */
public final class Stopwords {

  private static final Set<String> WORDS = new HashSet<>();

  static {
    String[] lists = {
      // English
      "a an the and or but if then than that this these those there here when where while whether "
          + "which who whom whose what why how of in on at to for from by with without within into onto "
          + "over under after before since until about above below between among amid against during "
          + "through across per via as is are was were be been being has have had do does did will "
          + "would shall should can could may might must not no nor so too very also just only even "
          + "more most less many much some any all both each every other such own same few it its "
          + "they them their he him his she her we us our you your i me my one two three said says "
          + "say mr mrs ms dr after according however meanwhile yet still already now today yesterday "
          + "tomorrow last next first year years week weeks day days time times",
      // French
      "le la les un une des du de d l et ou mais donc car ni que qui quoi dont où ce cet cette ces "
          + "il elle ils elles on nous vous je tu se sa son ses leur leurs au aux dans sur sous pour par "
          + "avec sans entre vers chez est sont était été être a ont avait avoir fait plus moins très "
          + "aussi comme selon après avant depuis pendant lors tout tous toute toutes cela ça ne pas",
      // German
      "der die das den dem des ein eine einer eines einem einen und oder aber doch denn dass ob wenn "
          + "als wie wo was wer im in am an auf aus bei mit nach von vor zu zum zur über unter für gegen "
          + "durch ohne um seit bis ist sind war waren sein hat haben hatte wird werden wurde wurden "
          + "kann nicht auch noch nur schon sehr mehr sich er sie es wir ihr ihre sein seine dieser diese "
          + "dieses jedoch laut heute",
      // Spanish, Italian, Portuguese
      "el la los las un una unos unas y o pero que quien como donde cuando del al en con sin por para "
          + "sobre entre desde hasta es son fue fueron ser ha han había se su sus lo le les este esta "
          + "estos estas más muy también según tras ante il lo gli i uno e ma che chi come dove quando "
          + "di da nel nella con su per tra fra è sono era stato essere ha hanno si suo sua suoi questo "
          + "questa anche più secondo o os as um uma e mas que quem como onde quando do da dos das no na "
          + "nos nas em com sem por para sobre entre é são foi ser tem têm se seu sua seus este esta "
          + "também mais segundo",
      // Russian
      "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее её "
          + "мне было вот от меня еще ещё нет о из ему теперь когда даже ну вдруг ли если уже или ни "
          + "быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где "
          + "есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж "
          + "тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее "
          + "были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот "
          + "через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед "
          + "иногда лучше чуть том нельзя такой им более всегда конечно всю между также заявил сообщил "
          + "года году это как",
      // Arabic
      "في من على إلى الى عن مع أن إن ان أو او ثم كما لكن هذا هذه ذلك تلك التي الذي الذين هو هي هم "
          + "كان كانت يكون قد لقد لم لن ما لا بين بعد قبل خلال حتى عند كل أي اي وقال قال وفي وأن ومن "
          + "أيضا ايضا حيث منذ فيه فيها عليه عليها إلا الا به بها له لها",
      // Persian
      "و در به از که این آن را با برای است بود شد شده می هم تا بر یا اما اگر هر یک دو نیز پس پیش "
          + "بین روی زیر خود ما شما آنها او ایشان کرد کرده کند کنند دارد داشت باید گفت گفته وی همه "
          + "چه چون اینکه آنکه ها های",
    };
    for (String list : lists) {
      for (String w : list.split("\\s+")) WORDS.add(w);
    }
  }

  private Stopwords() {}

  public static boolean contains(String word) {
    return WORDS.contains(word.toLowerCase(Locale.ROOT));
  }
}

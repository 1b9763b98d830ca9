package io.newssearch.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Makes the copy another source publishes of a story: within a few days, the body lightly edited
 * (a sentence dropped, one added, or both, the lead kept) and the headline rewritten, as wire
 * stories are re-sent and re-edited. The edits keep the copy well above the story clustering's
 * similarity threshold; short bodies only gain a sentence, since dropping one of three would make
 * it another text.
 */
final class Republisher {

  private static final Duration MIN_DELAY = Duration.ofMinutes(20);
  private static final Duration MAX_DELAY = Duration.ofDays(3);
  private static final int MAX_HEADLINE_WORDS = 12;

  private final Random random;
  /** Every source of every language, for a language with a single one. */
  private final List<String> allSources;

  Republisher(Random random, List<String> allSources) {
    this.random = random;
    this.allSources = allSources;
  }

  GeneratedArticle copy(GeneratedArticle original, String id, RealText.Language language) {
    List<String> body = new ArrayList<>(original.sentences());
    int edit = random.nextInt(3); // 0 drop a sentence, 1 add one, 2 both
    if (body.size() < 4 || (edit == 2 && body.size() < 6)) {
      edit = 1;
    }
    if (edit != 1) {
      body.remove(1 + random.nextInt(body.size() - 1));
    }
    if (edit != 0) {
      body.add(1 + random.nextInt(body.size()), pick(language.sentences()));
    }
    long delay = MIN_DELAY.toSeconds() + (long) (random.nextDouble() * (MAX_DELAY.toSeconds() - MIN_DELAY.toSeconds()));
    String source = otherSource(original.source(), language.sources());
    return new GeneratedArticle(id, headline(original.title(), body, source), body,
        original.published().plusSeconds(delay), original.language(), original.tags(), source,
        GeneratedArticle.url(source, original.language(), id));
  }

  /** A word dropped, the publisher's name appended, or a headline cut from the lead sentence. */
  private String headline(String title, List<String> body, String source) {
    String[] words = title.split(" ");
    switch (random.nextInt(3)) {
      case 0 -> {
        if (words.length >= 4) {
          List<String> w = new ArrayList<>(Arrays.asList(words));
          w.remove(1 + random.nextInt(w.size() - 1));
          return String.join(" ", w);
        }
      }
      case 1 -> {
        String[] lead = body.get(0).replaceAll("[.!?።؟۔]+$", "").split(" ");
        if (lead.length >= 4) {
          return String.join(" ", Arrays.copyOf(lead, Math.min(lead.length, MAX_HEADLINE_WORDS)));
        }
      }
      default -> { }
    }
    return source == null ? title + " (update)" : title + " - " + source;
  }

  private String otherSource(String original, List<String> sources) {
    for (int i = 0; i < 10 && !sources.isEmpty(); i++) {
      String s = pick(sources);
      if (!s.equals(original)) return s;
    }
    for (int i = 0; i < 10 && !allSources.isEmpty(); i++) {
      String s = pick(allSources);
      if (!s.equals(original)) return s;
    }
    return original;
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}

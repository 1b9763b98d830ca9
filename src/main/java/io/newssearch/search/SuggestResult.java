package io.newssearch.search;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** Completions for a {@link SuggestRequest}, best first. */
public record SuggestResult(List<Suggestion> suggestions) {

  /**
   * One completion: the title or tag as written, the same text HTML-escaped with the typed words
   * in {@code <b>} (the only markup), and where it comes from.
   */
  public record Suggestion(String text, String highlighted, Kind kind) {}

  public enum Kind {
    TITLE, TAG;

    @JsonValue
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}

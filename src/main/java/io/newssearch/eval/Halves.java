package io.newssearch.eval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The judged queries of a collection split into two fixed halves, alternately in the order the
 * collection lists them (TIME's 1, 5, 9, ... and 3, 7, 11, ...; MasakhaNEWS's even and odd rows of
 * each language): a setting is chosen on half A and checked on half B, and EVALUATION.md says so.
 */
public enum Halves {
  A, B;

  /** The ids of this half among {@code ids}, in their order. */
  public Set<String> of(List<String> ids) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = ordinal(); i < ids.size(); i += 2) {
      out.add(ids.get(i));
    }
    return out;
  }
}

package io.newssearch.alerts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * The presearcher for the articles of one language: every alert that may match them, compiled
 * with that language's analysis and indexed by the terms one of which a matching article must have
 * ({@link QueryTerms}). A new article's own terms pick the candidates; only they are run.
 */
final class LanguageAlerts {

  /** One alert as it runs on this language's articles. */
  record Compiled(Alert alert, Query query) {}

  private final Map<Term, List<Compiled>> byTerm = new HashMap<>();
  /** Alerts whose terms cannot be known ahead (wildcards, no text): tried on every article. */
  private final List<Compiled> always = new ArrayList<>();
  private final Set<String> fields = new HashSet<>();
  private int size;

  void add(Compiled c) {
    size++;
    Set<Term> terms = QueryTerms.anyOf(c.query());
    if (terms == null) {
      always.add(c);
      return;
    }
    for (Term t : terms) {
      byTerm.computeIfAbsent(t, k -> new ArrayList<>(2)).add(c);
      fields.add(t.field());
    }
  }

  /**
   * Alerts that may match the article: those indexed under one of its terms, and the unbounded ones.
   *
   * @param article a one-document reader of the article (the caller's searcher reads the same one)
   */
  Set<Compiled> candidates(LeafReader article) throws IOException {
    Set<Compiled> out = new LinkedHashSet<>(always);
    for (String field : fields) {
      Terms terms = article.terms(field);
      if (terms == null) {
        continue;
      }
      TermsEnum it = terms.iterator();
      for (BytesRef term = it.next(); term != null; term = it.next()) {
        List<Compiled> hit = byTerm.get(new Term(field, BytesRef.deepCopyOf(term)));
        if (hit != null) {
          out.addAll(hit);
        }
      }
    }
    return out;
  }

  /** Alerts compiled here (each once, however many terms it is indexed under). */
  int size() {
    return size;
  }
}

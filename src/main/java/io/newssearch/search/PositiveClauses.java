package io.newssearch.search;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * A visitor of what an article must or may match: it does not descend below a {@code MUST_NOT}
 * ({@code -word}, {@code NOT}, a negated group), whose words the query excludes rather than asks
 * for. Subclasses say what to collect.
 */
public abstract class PositiveClauses extends QueryVisitor {

  @Override
  public QueryVisitor getSubVisitor(Occur occur, Query parent) {
    return occur == Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
  }
}

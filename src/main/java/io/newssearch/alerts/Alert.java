package io.newssearch.alerts;

import io.newssearch.search.SearchParameters;
import io.newssearch.search.SearchRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A saved search: a name, the article-selecting parameters of a search
 * ({@link SearchParameters#SELECTING}, as given and validated), an optional webhook, and the
 * unguessable token of its Atom feed.
 *
 * @param search the selecting parameters by name, as a query string would carry them
 * @param webhook where each match is POSTed, or null
 */
public record Alert(String id, String name, Map<String, List<String>> search, String webhook, String token,
    Instant created) {

  public Alert {
    search = Map.copyOf(new TreeMap<>(search));
  }

  /**
   * The search this alert runs on each new article. Date phrases in {@code q} stay words
   * ({@code dates=off}): "last week" said when the alert was made would otherwise freeze into a
   * fixed date range that no later article meets.
   */
  public SearchRequest request() {
    Map<String, List<String>> params = new TreeMap<>(search);
    params.put("dates", List.of("off"));
    return SearchParameters.parse(params);
  }

  /** The alert's feed, readable without the key by whoever has the token. */
  public String feedPath() {
    return "/feeds/" + token + ".atom";
  }

  /** One parameter's first value, or the default. */
  public String first(String name, String dflt) {
    List<String> v = search.get(name);
    return v == null || v.isEmpty() ? dflt : v.get(0);
  }
}

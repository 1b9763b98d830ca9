package io.newssearch.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newssearch.search.SearchRequest;
import io.newssearch.search.SearchResult;
import io.newssearch.search.SortOrder;
import io.newssearch.search.StoryResult;
import io.newssearch.article.Article;
import io.newssearch.search.SearchResult.Hit;
import io.newssearch.story.StoryFixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Collapsing by story over the labelled fixtures: 43 articles, 20 stories. */
abstract class StoryCollapseContract extends FixtureContract {

  @Override
  List<Article> fixture() throws Exception {
    return StoryFixtures.load().stream().map(StoryFixtures.Labelled::article).toList();
  }

  @Test
  void cursor_and_pages_walk_every_story_once_in_every_sort() throws Exception {
    for (SortOrder sort : SortOrder.values()) {
      SearchResult r = engine.search().search(SearchRequest.builder().sort(sort).size(3).build());
      assertEquals(20, r.total(), sort + " counts stories");
      assertEquals(43, r.totalArticles());
      List<String> stories = new ArrayList<>();
      int versions = 0;
      while (true) {
        for (Hit h : r.hits()) {
          stories.add(h.story());
          versions += 1 + h.sourcesCount();
        }
        if (r.nextCursor() == null) break;
        r = engine.search().search(SearchRequest.builder().sort(sort).size(3).cursor(r.nextCursor()).build());
      }
      assertEquals(20, stories.size(), sort + ": " + stories);
      assertEquals(20, new HashSet<>(stories).size(), sort + " repeats a story");
      assertEquals(43, versions, "every article is a hit or one of its sources");
      Set<String> paged = new HashSet<>();
      for (int page = 1; page <= 7; page++) {
        engine.search().search(SearchRequest.builder().sort(sort).size(3).page(page).build())
            .hits().forEach(h -> paged.add(h.story()));
      }
      assertEquals(new HashSet<>(stories), paged);
    }
  }

  @Test
  void the_best_version_leads_and_the_others_are_listed_oldest_first() throws Exception {
    SearchResult r = engine.search().search(SearchRequest.builder().query("Chandrayaan lander Moon south pole").build());
    Hit top = r.hits().get(0);
    assertEquals("space-1", top.story());
    assertEquals(4, top.sourcesCount());
    for (int i = 1; i < top.sources().size(); i++) {
      assertTrue(!top.sources().get(i).published().isBefore(top.sources().get(i - 1).published()));
    }
    assertTrue(top.sources().stream().noneMatch(v -> v.id().equals(top.id())));
    StoryResult all = engine.search().story("space-1").orElseThrow();
    assertEquals(5, all.count());
    assertEquals("space-1", all.versions().get(0).id(), "oldest first");
  }

  @Test
  void collapse_none_returns_every_version() throws Exception {
    SearchResult r = engine.search().search(SearchRequest.builder().query("Chandrayaan").collapse(false).size(20).build());
    assertTrue(r.hits().size() >= 4, r.hits().toString());
    assertTrue(r.hits().stream().allMatch(h -> h.sources() == null));
  }
}

package io.newssearch.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newssearch.article.Article;
import io.newssearch.lucene.IndexLayout;
import io.newssearch.lucene.Schema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;

/**
 * The labelled near-duplicate fixtures ({@code src/test/resources/story/stories.jsonl}, written by
 * {@code make_fixtures.py} beside it): 10 stories in 2–5 edited versions and 10 distinct stories on
 * the same topics, each with its true story label.
 */
public final class StoryFixtures {

  public record Labelled(Article article, String label) {}

  private StoryFixtures() {}

  public static List<Labelled> load() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Labelled> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        StoryFixtures.class.getResourceAsStream("/story/stories.jsonl"), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        JsonNode n = json.readTree(line);
        Article a = new Article(n.get("id").asText(), "https://news.example/" + n.get("id").asText(),
            n.get("title").asText(), n.get("body").asText(), Instant.parse(n.get("published").asText()), "en",
            List.of(), n.get("source").asText(), null);
        out.add(new Labelled(a, n.get("label").asText()));
      }
    }
    return out;
  }

  /** Article id → story id as the index holds them. */
  public static Map<String, String> stories(Path indexDir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(new IndexLayout(indexDir).ensureCurrent()))) {
      StoredFields stored = reader.storedFields();
      for (int d = 0; d < reader.maxDoc(); d++) {
        if (reader.hasDeletions() && !org.apache.lucene.index.MultiBits.getLiveDocs(reader).get(d)) continue;
        Document doc = stored.document(d);
        out.put(doc.get(Schema.ID), doc.get(Schema.STORY));
      }
    }
    return out;
  }

  /** Pairwise precision and recall of predicted stories against labels. */
  public record Scores(int truePairs, int predictedPairs, int correctPairs) {
    public double precision() { return predictedPairs == 0 ? 1 : correctPairs / (double) predictedPairs; }
    public double recall() { return truePairs == 0 ? 1 : correctPairs / (double) truePairs; }
  }

  public static Scores score(List<Labelled> labelled, Map<String, String> predicted) {
    int t = 0, p = 0, c = 0;
    for (int i = 0; i < labelled.size(); i++) {
      for (int j = i + 1; j < labelled.size(); j++) {
        boolean same = labelled.get(i).label().equals(labelled.get(j).label());
        boolean pred = predicted.get(labelled.get(i).article().id()).equals(predicted.get(labelled.get(j).article().id()));
        if (same) t++;
        if (pred) p++;
        if (same && pred) c++;
      }
    }
    return new Scores(t, p, c);
  }
}

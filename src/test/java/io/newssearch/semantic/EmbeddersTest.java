package io.newssearch.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddersTest {

  @Test
  void a_missing_part_is_named_with_the_jar_that_brings_it() {
    var e = assertThrows(VectorsUnavailableException.class, () -> Embedders.check(List.of(
        new String[] {"java.lang.String", "the JDK"},
        new String[] {"ai.onnxruntime.NoSuchClass", "onnxruntime-1.20.0.jar (ONNX Runtime)"}),
        EmbeddersTest.class.getClassLoader()));
    assertTrue(e.getMessage().contains("onnxruntime-1.20.0.jar (ONNX Runtime)"), e.getMessage());
    assertTrue(e.getMessage().contains("ai.onnxruntime.NoSuchClass"), e.getMessage());
    assertTrue(e.getMessage().contains("lib/vectors/"), e.getMessage());
  }

  @Test
  void the_factory_loads_no_model_until_a_text_is_embedded() {
    try (Embedder e = Embedders.miniLm(1)) {
      assertEquals(384, e.dimensions());
      assertTrue(e.modelName().contains("all-MiniLM-L6-v2"));
      assertFalse(((MiniLmEmbedder) e).isLoaded());
      float[] v = e.embed("car makers cut jobs");
      assertTrue(((MiniLmEmbedder) e).isLoaded());
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      assertEquals(1.0, norm, 1e-4, "unit length, so the dot product is the cosine");
    }
  }

  @Test
  void bad_arguments_are_refused_before_any_work() {
    assertThrows(IllegalArgumentException.class, () -> Embedders.miniLm(0));
    try (Embedder e = Embedders.miniLm(1)) {
      var blank = assertThrows(IllegalArgumentException.class, () -> e.embed(List.of("news", " ")));
      assertEquals("text 1 is blank: there is nothing to embed", blank.getMessage());
      assertEquals(0, e.embed(List.of()).length);
    }
  }

  @Test
  void a_closed_embedder_says_so() {
    Embedder e = Embedders.miniLm(1);
    e.close();
    var closed = assertThrows(IllegalStateException.class, () -> e.embed("news"));
    assertEquals("the embedder is closed", closed.getMessage());
  }
}

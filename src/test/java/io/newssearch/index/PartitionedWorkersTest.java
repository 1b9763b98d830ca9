package io.newssearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class PartitionedWorkersTest {

  @Test
  void tasks_with_the_same_key_run_in_submission_order() throws Exception {
    Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
    try (PartitionedWorkers workers = new PartitionedWorkers(2, "test")) {
      for (int i = 0; i < 2_000; i++) {
        String key = "id-" + (i % 7);
        int n = i;
        workers.submit(key, () -> seen.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(n));
      }
      workers.finish();
    }
    assertEquals(7, seen.size());
    for (List<Integer> order : seen.values()) {
      List<Integer> sorted = new ArrayList<>(order);
      Collections.sort(sorted);
      assertEquals(sorted, order);
    }
  }

  @Test
  void a_failed_task_is_rethrown_by_finish() {
    PartitionedWorkers workers = new PartitionedWorkers(2, "test");
    assertThrows(IOException.class, () -> {
      workers.submit("a", () -> {
        throw new IOException("disk full");
      });
      workers.finish();
    });
    workers.close();
  }

  @Test
  void one_thread_runs_tasks_inline() throws Exception {
    Thread[] ran = new Thread[1];
    try (PartitionedWorkers workers = new PartitionedWorkers(1, "test")) {
      workers.submit("a", () -> ran[0] = Thread.currentThread());
      workers.finish();
    }
    assertEquals(Thread.currentThread(), ran[0]);
  }
}

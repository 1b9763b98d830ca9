package io.newssearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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

  /** Timeouts run the test in its own thread, so a regression (a hang) fails the test instead of the build. */
  @Test
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void an_error_in_a_task_ends_the_run_with_a_plain_message() {
    PartitionedWorkers workers = new PartitionedWorkers(2, "test");
    IOException e = assertThrows(IOException.class, () -> {
      workers.submit("a", () -> {
        throw new OutOfMemoryError("Java heap space");
      });
      for (int i = 0; i < 100_000; i++) { // far more than the queues hold: a dead worker would block this
        workers.submit("a", () -> {});
      }
      workers.finish();
    });
    assertTrue(e.getMessage().startsWith("indexing worker failed: out of memory (java heap space); raise the heap "
        + "with NEWSSEARCH_JAVA_OPTS=-Xmx"), e.getMessage());
    assertTrue(e.getCause() instanceof OutOfMemoryError, String.valueOf(e.getCause()));
    workers.close();
  }

  @Test
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void a_submitter_waiting_on_a_full_queue_is_released_when_the_worker_fails() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger accepted = new AtomicInteger();
    PartitionedWorkers workers = new PartitionedWorkers(2, "test");
    workers.submit("k", () -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new StackOverflowError();
    });
    Thread releaser = new Thread(() -> {
      // let the submitter fill the queue and wait for room first
      while (accepted.get() < 256) Thread.onSpinWait();
      sleep(300);
      release.countDown();
    });
    releaser.start();
    IOException e = assertThrows(IOException.class, () -> {
      for (int i = 0; i < 10_000; i++) {
        workers.submit("k", () -> {});
        accepted.incrementAndGet();
      }
    });
    assertTrue(accepted.get() >= 256, "the queue was full when the worker failed: " + accepted.get());
    assertEquals("indexing worker failed: java.lang.StackOverflowError", e.getMessage());
    assertThrows(IOException.class, workers::finish);
    releaser.join();
  }

  @Test
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void finish_rethrows_an_error_of_the_last_task_without_waiting_on_the_failed_worker() {
    PartitionedWorkers workers = new PartitionedWorkers(2, "test");
    IOException e = assertThrows(IOException.class, () -> {
      for (int i = 0; i < 255; i++) {
        workers.submit("x", () -> sleep(1));
      }
      workers.submit("x", () -> {
        throw new OutOfMemoryError("Java heap space");
      });
      workers.finish();
    });
    assertTrue(e.getMessage().contains("out of memory"), e.getMessage());
  }

  @Test
  void an_error_inline_is_reported_the_same_way() {
    PartitionedWorkers workers = new PartitionedWorkers(1, "test");
    IOException e = assertThrows(IOException.class, () -> workers.submit("a", () -> {
      throw new OutOfMemoryError("Java heap space");
    }));
    assertTrue(e.getMessage().startsWith("indexing worker failed: out of memory"), e.getMessage());
    workers.close();
  }

  private static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

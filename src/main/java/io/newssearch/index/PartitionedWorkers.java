package io.newssearch.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A few worker threads, each with its own bounded queue; a task goes to the worker its key hashes
 * to, so tasks with the same key (an article id) run in submission order, one after the other. The
 * submitter blocks when that queue is full. The first task failure is kept; later submissions and
 * {@link #finish} rethrow it, and the remaining queued tasks are skipped.
 *
 * <p>With one thread tasks run inline in the caller: no threads, nothing to hand over.
 */
final class PartitionedWorkers implements AutoCloseable {

  /** Work that may fail with an I/O error. */
  @FunctionalInterface
  interface Task {
    void run() throws IOException;
  }

  private static final int QUEUE_CAPACITY = 256;
  private static final Task STOP = () -> {};

  private final List<BlockingQueue<Task>> queues = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile Exception failure;

  PartitionedWorkers(int count, String name) {
    if (count > 1) {
      for (int i = 0; i < count; i++) {
        BlockingQueue<Task> q = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        queues.add(q);
        Thread t = new Thread(() -> drain(q), name + "-" + i);
        t.setDaemon(true);
        threads.add(t);
        t.start();
      }
    }
  }

  void submit(String key, Task task) throws IOException {
    rethrow();
    if (queues.isEmpty()) {
      task.run();
      return;
    }
    put(queues.get(Math.floorMod(key.hashCode(), queues.size())), task);
  }

  /** Waits until every submitted task has run; rethrows the first failure. */
  void finish() throws IOException {
    stopAll();
    rethrow();
  }

  @Override
  public void close() {
    stopAll();
  }

  private void stopAll() {
    for (BlockingQueue<Task> q : queues) {
      put(q, STOP);
    }
    queues.clear();
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    threads.clear();
  }

  private void drain(BlockingQueue<Task> q) {
    try {
      for (Task task = q.take(); task != STOP; task = q.take()) {
        if (failure == null) {
          try {
            task.run();
          } catch (IOException | RuntimeException e) {
            failure = e;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void rethrow() throws IOException {
    switch (failure) {
      case null -> { }
      case IOException e -> throw e;
      case RuntimeException e -> throw e;
      default -> throw new IllegalStateException(failure);
    }
  }

  private static void put(BlockingQueue<Task> q, Task task) {
    try {
      q.put(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing work to the indexing threads", e);
    }
  }
}

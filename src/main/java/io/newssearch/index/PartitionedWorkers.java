package io.newssearch.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A few worker threads, each with its own bounded queue; a task goes to the worker its key hashes
 * to, so tasks with the same key (an article id) run in submission order, one after the other. The
 * submitter waits while that queue is full.
 *
 * <p>Any failure of a task, an {@link Error} such as {@link OutOfMemoryError} included, ends the
 * run: it is kept, the workers skip what is still queued, and the next {@link #submit} (also one
 * already waiting for room) and {@link #finish} throw it. A submitter never waits on a worker that
 * has stopped taking work: it looks at the failure and the worker between short waits. Without
 * that, a worker killed by an Error left the parsing thread blocked forever on its full queue.
 *
 * <p>With one thread tasks run inline in the caller: no threads, nothing to hand over.
 */
final class PartitionedWorkers implements AutoCloseable {

  /** Work that may fail with an I/O error. */
  @FunctionalInterface
  interface Task {
    void run() throws IOException;
  }

  /** A task failed with something other than an I/O error; the message says what, in one line. */
  static final class WorkerFailedException extends IOException {
    WorkerFailedException(Throwable cause) {
      super(message(cause), cause);
    }
  }

  private static final int QUEUE_CAPACITY = 256;
  /** How long a waiting submitter sleeps between looks at the workers' health. */
  private static final long CHECK_MILLIS = 50;
  private static final Task STOP = () -> {};

  private final List<BlockingQueue<Task>> queues = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

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
      runKeepingFailure(task);
      rethrow();
      return;
    }
    int i = Math.floorMod(key.hashCode(), queues.size());
    if (!hand(queues.get(i), threads.get(i), task)) {
      rethrow();
      throw new WorkerFailedException(new IllegalStateException(threads.get(i).getName() + " stopped"));
    }
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
    for (int i = 0; i < queues.size(); i++) {
      hand(queues.get(i), threads.get(i), STOP);
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

  /**
   * Puts the task on the queue, waiting for room in short steps; false, without waiting further,
   * once a failure is known (a STOP is still handed over, so a live worker ends) or the worker is
   * gone.
   */
  private boolean hand(BlockingQueue<Task> q, Thread worker, Task task) {
    try {
      while (!q.offer(task, CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
        if ((failure.get() != null && task != STOP) || !worker.isAlive()) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, new IllegalStateException("interrupted while handing work to the indexing threads"));
      return false;
    }
  }

  private void drain(BlockingQueue<Task> q) {
    try {
      for (Task task = q.take(); task != STOP; task = q.take()) {
        if (failure.get() == null) {
          runKeepingFailure(task);
        } // else skipped: the run has failed, and dropping the task frees its memory
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      failure.compareAndSet(null, t); // the loop itself failed: the submitter sees the worker gone
    }
  }

  private void runKeepingFailure(Task task) {
    try {
      task.run();
    } catch (Throwable t) { // an Error too: a worker that dies silently is what hung the run
      failure.compareAndSet(null, t);
    }
  }

  private void rethrow() throws IOException {
    Throwable t = failure.get();
    if (t == null) {
      return;
    }
    if (t instanceof IOException e) {
      throw e;
    }
    throw new WorkerFailedException(t);
  }

  /** One line a user can act on: for a full heap, the setting to raise and a value to try. */
  static String message(Throwable t) {
    if (t instanceof OutOfMemoryError oom) {
      String what = oom.getMessage() == null ? "out of memory" : oom.getMessage().toLowerCase(Locale.ROOT);
      String text = "indexing worker failed: out of memory (" + what + ")";
      if (what.contains("heap") || what.contains("gc overhead")) {
        long maxMb = Runtime.getRuntime().maxMemory() >> 20;
        long suggestGb = Math.max(1, (2 * maxMb + 1023) / 1024);
        text += "; raise the heap with NEWSSEARCH_JAVA_OPTS=-Xmx" + suggestGb + "g (it is " + maxMb + " MB now)";
      }
      return text;
    }
    return "indexing worker failed: " + t;
  }
}

package io.newssearch.cli;

import io.newssearch.index.IndexProgress;
import java.io.Console;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A terminal progress bar over the corpus bytes, with articles and articles per second. Drawn only
 * when the output is a terminal: redirected into a file or a pipe, its carriage-return frames would
 * be thousands of lines of noise in front of the summary.
 */
final class ConsoleProgress implements IndexProgress, AutoCloseable {

  private final boolean enabled;
  private ProgressBar bar;
  private long startNanos;

  ConsoleProgress(boolean enabled) {
    this.enabled = enabled;
  }

  /** A bar when asked for and the process talks to a terminal, else none. */
  static ConsoleProgress onTerminal(boolean wanted) {
    return new ConsoleProgress(wanted && isTerminal());
  }

  /**
   * Whether standard input and output are a terminal. From Java 22 {@code System.console()} is
   * there even when they are redirected and {@code Console.isTerminal()} tells; on Java 21 (which
   * has no such method) a console exists only for a terminal.
   */
  static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  @Override
  public void started(int files, long totalBytes) {
    startNanos = System.nanoTime();
    if (enabled) {
      bar = new ProgressBarBuilder()
          .setTaskName("Indexing")
          .setInitialMax(Math.max(1, totalBytes / 1024))
          .setUnit(" KB", 1)
          .setStyle(ProgressBarStyle.ASCII)
          .setUpdateIntervalMillis(250)
          .continuousUpdate()
          .build();
    }
  }

  @Override
  public void fileDone(long bytes, long articlesSoFar) {
    if (bar != null) {
      double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
      bar.stepBy(bytes / 1024);
      bar.setExtraMessage(String.format(" %,d articles, %,.0f/s", articlesSoFar, articlesSoFar / seconds));
    }
  }

  @Override
  public void finished() {
    close();
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}

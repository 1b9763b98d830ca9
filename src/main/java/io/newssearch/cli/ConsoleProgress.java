package io.newssearch.cli;

import io.newssearch.index.IndexProgress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A terminal progress bar over the corpus bytes, with articles and articles per second. */
final class ConsoleProgress implements IndexProgress, AutoCloseable {

  private final boolean enabled;
  private ProgressBar bar;
  private long startNanos;

  ConsoleProgress(boolean enabled) {
    this.enabled = enabled;
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

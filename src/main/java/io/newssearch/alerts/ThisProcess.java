package io.newssearch.alerts;

import java.time.Instant;

/**
 * A process as the alert store's {@code pending} rows name it: its pid and when it started, so that
 * a pid the system gave again to another process is not taken for the one that wrote the row.
 */
record ThisProcess(long pid, long started) {

  /** This JVM. */
  static final ThisProcess CURRENT = of(ProcessHandle.current());

  static ThisProcess of(ProcessHandle p) {
    return new ThisProcess(p.pid(), p.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
  }

  /** Whether that process still runs: false once it ended, crashed or was killed. */
  boolean alive() {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ThisProcess::of).filter(this::equals).isPresent();
  }
}

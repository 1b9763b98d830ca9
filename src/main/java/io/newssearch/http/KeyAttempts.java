package io.newssearch.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Wrong admin keys counted per client address, so that guessing the key is slowed to a crawl
 * while every other address, and the right key from anywhere, is unaffected.
 *
 * <p>The first {@link #FREE_FAILURES} wrong keys from an address cost nothing (typos, a
 * misconfigured feed being fixed). After that each wrong key locks the address out of the write
 * endpoints for twice as long as the last, from 1 s up to {@link #MAX_LOCKOUT}: while locked out
 * every write request from it is a 429 with {@code Retry-After}, the key not even compared. So a
 * guesser gets 13 tries in the first five minutes and 12 an hour after that. A right key
 * clears the address; a quiet {@link #FORGET_AFTER} does too. At most {@link #MAX_ADDRESSES} are
 * remembered (the least recently seen are dropped), so a flood of addresses cannot exhaust memory.
 */
final class KeyAttempts {

  static final int FREE_FAILURES = 5;
  static final Duration MAX_LOCKOUT = Duration.ofMinutes(5);
  static final Duration FORGET_AFTER = Duration.ofMinutes(15);
  static final int MAX_ADDRESSES = 10_000;

  private final LongSupplier nanoClock;
  private final Map<String, Failures> byAddress = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
      return size() > MAX_ADDRESSES;
    }
  };

  private record Failures(int count, long last, long lockedUntil) {}

  KeyAttempts() {
    this(System::nanoTime);
  }

  KeyAttempts(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /** Seconds the address must wait before trying again; empty when it may try now. */
  synchronized OptionalLong lockedOut(String address) {
    Failures f = current(address);
    long now = nanoClock.getAsLong();
    if (f == null || f.lockedUntil() - now <= 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Math.max(1, (f.lockedUntil() - now + 999_999_999) / 1_000_000_000));
  }

  synchronized void failed(String address) {
    Failures f = current(address);
    int count = f == null ? 1 : f.count() + 1;
    long now = nanoClock.getAsLong();
    long lockedUntil = now;
    if (count > FREE_FAILURES) {
      int doublings = Math.min(count - FREE_FAILURES - 1, 30);
      long lockout = Math.min(Duration.ofSeconds(1).toNanos() << doublings, MAX_LOCKOUT.toNanos());
      lockedUntil = now + lockout;
    }
    byAddress.put(address, new Failures(count, now, lockedUntil));
  }

  synchronized void succeeded(String address) {
    byAddress.remove(address);
  }

  private Failures current(String address) {
    Failures f = byAddress.get(address);
    if (f != null && nanoClock.getAsLong() - f.last() > FORGET_AFTER.toNanos()) {
      byAddress.remove(address);
      return null;
    }
    return f;
  }
}

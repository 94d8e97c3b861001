package dev.herald.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock (UTC) plus an offset that only the development endpoint {@code PUT
 * /api/dev/clock} changes, so that integration tests can let time pass (snoozes expiring) without
 * sleeping. In production the offset stays zero: the endpoint is 404 there.
 */
public final class ShiftableClock extends Clock {
  private final Clock base;
  private volatile Duration offset = Duration.ZERO;

  public ShiftableClock(Clock base) {
    this.base = base;
  }

  public Duration offset() {
    return offset;
  }

  public void shift(Duration offset) {
    this.offset = offset;
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("Herald's clock is UTC");
  }
}

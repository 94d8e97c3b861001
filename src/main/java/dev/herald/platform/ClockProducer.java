package dev.herald.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * One injectable clock, so that time-dependent control code can be tested with a fixed one. It is
 * the system clock, shiftable in development only ({@link DevClockResource}).
 */
@ApplicationScoped
public class ClockProducer {
  private final ShiftableClock clock = new ShiftableClock(Clock.systemUTC());

  @Produces
  Clock clock() {
    return clock;
  }

  public ShiftableClock shiftable() {
    return clock;
  }
}

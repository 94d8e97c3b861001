package dev.herald.platform;

import dev.herald.platform.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code PUT /api/dev/clock {"offset":"PT2H"}}: shifts the server's clock, for integration tests of
 * time-dependent behaviour (snoozes). Development only ({@link DevelopmentMode}; else 404), and for
 * authenticated callers only: it shifts time for every user of the server.
 */
@ApplicationScoped
@Development
@Path("dev/clock")
@Produces(MediaType.APPLICATION_JSON)
public class DevClockResource {
  static final Duration MAX_OFFSET = Duration.ofDays(3650);

  @Inject ClockProducer clocks;

  public record Shift(String offset) {}

  public record State(String offset, Instant now) {}

  @GET
  public State get() {
    ShiftableClock clock = clocks.shiftable();
    return new State(clock.offset().toString(), clock.instant());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public State shift(Shift shift) {
    ShiftableClock clock = clocks.shiftable();
    clock.shift(offset(shift));
    return get();
  }

  private static Duration offset(Shift shift) {
    try {
      Duration offset = Duration.parse(shift == null ? "" : String.valueOf(shift.offset()));
      if (offset.abs().compareTo(MAX_OFFSET) <= 0) {
        return offset;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new ProblemException(
        ProblemType.VALIDATION,
        "Give the offset as an ISO-8601 duration.",
        List.of(new FieldError("offset", "must be a duration like PT2H, at most 3650 days")));
  }
}

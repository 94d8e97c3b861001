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
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code PUT /api/dev/clock {"offset":"PT2H"}}: shifts the server's clock, for integration tests of
 * time-dependent behaviour (snoozes). Enabled exactly like the dev token endpoint: 404 unless
 * HERALD_DEV_TOKEN_KEY is set, which production configurations never do.
 */
@ApplicationScoped
@Public
@Path("dev/clock")
@Produces(MediaType.APPLICATION_JSON)
public class DevClockResource {
  static final Duration MAX_OFFSET = Duration.ofDays(3650);

  @Inject ClockProducer clocks;

  @Inject
  @ConfigProperty(name = "herald.dev.token-key")
  Optional<String> keyFile;

  public record Shift(String offset) {}

  public record State(String offset, Instant now) {}

  @GET
  public State get() {
    ShiftableClock clock = enabledClock();
    return new State(clock.offset().toString(), clock.instant());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public State shift(Shift shift) {
    ShiftableClock clock = enabledClock();
    clock.shift(offset(shift));
    return get();
  }

  private ShiftableClock enabledClock() {
    if (keyFile.filter(f -> !f.isBlank()).isEmpty()) {
      throw ProblemException.notFound();
    }
    return clocks.shiftable();
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

package dev.herald.notifications.entity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Daily hours without alerts, in the user's time zone; the window may span midnight (22:00 to
 * 07:00). Alerts due inside it wait until its end.
 */
public record QuietHours(
    @NotNull(message = "is required") @Pattern(regexp = HH_MM, message = "must be HH:mm")
        String start,
    @NotNull(message = "is required") @Pattern(regexp = HH_MM, message = "must be HH:mm")
        String end,
    @NotNull(message = "is required")
        @Pattern(regexp = "[A-Za-z0-9/_+-]{1,64}", message = "must be an IANA time zone id")
        String timeZone) {

  public static final String HH_MM = "([01][0-9]|2[0-3]):[0-5][0-9]";

  /** When the quiet hours around {@code now} end; empty when {@code now} is outside them. */
  public Optional<Instant> endAround(Instant now) {
    ZoneId zone = ZoneId.of(timeZone);
    LocalTime from = LocalTime.parse(start);
    LocalTime to = LocalTime.parse(end);
    ZonedDateTime local = now.atZone(zone);
    LocalTime time = local.toLocalTime();
    LocalDate today = local.toLocalDate();
    boolean spansMidnight = to.isBefore(from);
    if (!spansMidnight && !time.isBefore(from) && time.isBefore(to)) {
      return Optional.of(ZonedDateTime.of(today, to, zone).toInstant());
    }
    if (spansMidnight && !time.isBefore(from)) {
      return Optional.of(ZonedDateTime.of(today.plusDays(1), to, zone).toInstant());
    }
    if (spansMidnight && time.isBefore(to)) {
      return Optional.of(ZonedDateTime.of(today, to, zone).toInstant());
    }
    return Optional.empty();
  }
}

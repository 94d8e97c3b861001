package dev.herald.notifications.control;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads an HTTP Retry-After header: delay seconds or an HTTP date; nonsense is ignored. */
final class RetryAfter {
  static final Duration MAX = Duration.ofHours(1);

  private RetryAfter() {}

  static Optional<Duration> parse(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.strip();
    try {
      if (text.chars().allMatch(Character::isDigit) && text.length() <= 9) {
        return Optional.of(cap(Duration.ofSeconds(Long.parseLong(text))));
      }
      Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(cap(Duration.between(now, at)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Duration cap(Duration delay) {
    return delay.isNegative() ? Duration.ZERO : delay.compareTo(MAX) > 0 ? MAX : delay;
  }
}

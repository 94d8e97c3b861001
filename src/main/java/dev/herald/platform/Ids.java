package dev.herald.platform;

import java.util.Optional;
import java.util.UUID;

/** Parses ids from paths without trusting them: anything malformed is simply not found. */
public final class Ids {
  private static final java.util.regex.Pattern UUID_TEXT =
      java.util.regex.Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Ids() {}

  public static Optional<UUID> uuid(String text) {
    if (text == null || !UUID_TEXT.matcher(text).matches()) {
      return Optional.empty();
    }
    return Optional.of(UUID.fromString(text));
  }
}

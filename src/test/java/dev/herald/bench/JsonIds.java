package dev.herald.bench;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Finds UUIDs after a JSON key in response bytes, e.g. the {@code "id"} of a 202 receipt, without a
 * JSON parser or regular expressions (the generator reads thousands of answers a second).
 */
final class JsonIds {
  static final String ID = "\"id\":\"";
  static final String MESSAGE_ID = "\"messageId\":\"";
  private static final int UUID_LENGTH = 36;

  private JsonIds() {}

  /** The first UUID after {@code key}, or null. */
  static UUID first(byte[] json, String key) {
    UUID[] found = new UUID[1];
    each(json, 0, json.length, key, id -> found[0] = found[0] == null ? id : found[0]);
    return found[0];
  }

  /** Every UUID after {@code key} in {@code json[from, to)}. */
  static void each(byte[] json, int from, int to, String key, Consumer<UUID> found) {
    for (int at = ResponseParser.indexOf(json, from, to, key);
        at >= 0;
        at = ResponseParser.indexOf(json, at + 1, to, key)) {
      int start = at + key.length();
      if (start + UUID_LENGTH <= to) {
        UUID id = parse(json, start);
        if (id != null) {
          found.accept(id);
        }
      }
    }
  }

  /** The 8-4-4-4-12 hex UUID at {@code at}, or null if it is not one. */
  static UUID parse(byte[] text, int at) {
    long high = 0;
    long low = 0;
    int digits = 0;
    for (int i = at; i < at + UUID_LENGTH; i++) {
      int offset = i - at;
      if (offset == 8 || offset == 13 || offset == 18 || offset == 23) {
        if (text[i] != '-') {
          return null;
        }
        continue;
      }
      int digit = Character.digit(text[i], 16);
      if (digit < 0) {
        return null;
      }
      if (digits++ < 16) {
        high = high << 4 | digit;
      } else {
        low = low << 4 | digit;
      }
    }
    return new UUID(high, low);
  }
}

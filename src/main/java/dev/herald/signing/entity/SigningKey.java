package dev.herald.signing.entity;

import java.util.regex.Pattern;

/** One HMAC key: the id that travels in the record header and the secret that never does. */
public record SigningKey(String id, byte[] secret) {
  /** Ids are short, printable and header-safe. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** The secret must not end up in a log line or an exception message. */
  @Override
  public String toString() {
    return "SigningKey[" + id + "]";
  }
}

package dev.herald.testing;

import java.util.UUID;

/** User names no other test (or earlier run against the same database) has used. */
public final class Users {
  private Users() {}

  public static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}

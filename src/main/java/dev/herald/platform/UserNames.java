package dev.herald.platform;

import java.util.regex.Pattern;

/** What a user name may look like: a token subject that is safe to store, log and address. */
public final class UserNames {
  public static final String REGEX = "[\\p{L}\\p{N}._@+-]{1,128}";
  private static final Pattern PATTERN = Pattern.compile(REGEX);

  private UserNames() {}

  public static boolean isValid(String name) {
    return name != null && PATTERN.matcher(name).matches();
  }
}

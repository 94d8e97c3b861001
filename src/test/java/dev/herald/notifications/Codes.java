package dev.herald.notifications;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the six-digit code out of a verification text, as its reader would. */
final class Codes {
  private static final Pattern CODE = Pattern.compile("code is ([0-9]{6})");

  private Codes() {}

  static String in(String text) {
    Matcher code = CODE.matcher(text);
    if (!code.find()) {
      throw new IllegalStateException("no code in: " + text);
    }
    return code.group(1);
  }
}

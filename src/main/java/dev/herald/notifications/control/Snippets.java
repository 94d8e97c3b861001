package dev.herald.notifications.control;

/** Shortens text by code points, so an emoji or a Korean syllable is never cut in half. */
public final class Snippets {
  static final String ELLIPSIS = "…";

  private Snippets() {}

  /** At most {@code max} code points; a shortened text ends with an ellipsis (within the max). */
  public static String truncate(String text, int max) {
    if (text == null) {
      return "";
    }
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    if (max <= 1) {
      return max == 1 ? ELLIPSIS : "";
    }
    int end = text.offsetByCodePoints(0, max - 1);
    return text.substring(0, end) + ELLIPSIS;
  }

  /** One line: line breaks and tabs as spaces, for subjects and SMS texts. */
  public static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").strip();
  }
}

package dev.herald.storing.control;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The two halves of a text's search vector, built here rather than by SQL regular expressions per
 * row: Latin and other space-separated words (for PostgreSQL's english stemmer, with runs of
 * Hangul, kana and Han characters blanked out), and the character bigrams of those runs, which
 * carry particles without a space (회의는 → 회의, 의는) so that a word is found inside them; a run of one
 * character is that character. The same rules as the query side's SQL function herald_search_query
 * (db-migrations V6), which must stay in step.
 */
final class SearchDocument {
  private SearchDocument() {}

  /** The text with every run of CJK characters replaced by one space. */
  static String latin(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder latin = new StringBuilder(text.length());
    boolean inRun = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (isCjk(c)) {
        if (!inRun) {
          latin.append(' ');
        }
        inRun = true;
      } else {
        latin.appendCodePoint(c);
        inRun = false;
      }
      i += Character.charCount(c);
    }
    return latin.toString();
  }

  /** The distinct bigrams of the text's CJK runs, joined by spaces (they never contain one). */
  static String grams(String text) {
    if (text == null) {
      return "";
    }
    Set<String> grams = new LinkedHashSet<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean cjk = i < text.length() && isCjk(text.charAt(i));
      if (cjk && start < 0) {
        start = i;
      } else if (!cjk && start >= 0) {
        addRun(text.substring(start, i), grams);
        start = -1;
      }
    }
    return String.join(" ", grams);
  }

  private static void addRun(String run, Set<String> grams) {
    if (run.length() == 1) {
      grams.add(run);
    }
    for (int i = 0; i + 1 < run.length(); i++) {
      grams.add(run.substring(i, i + 2));
    }
  }

  /** Hangul Jamo, kana, Hangul compatibility Jamo, CJK ideographs, Hangul syllables: all BMP. */
  static boolean isCjk(int c) {
    return (c >= 0x1100 && c <= 0x11FF)
        || (c >= 0x3040 && c <= 0x30FF)
        || (c >= 0x3131 && c <= 0x318E)
        || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0x4E00 && c <= 0x9FFF)
        || (c >= 0xAC00 && c <= 0xD7AF)
        || (c >= 0xF900 && c <= 0xFAFF);
  }
}

package dev.herald.notifications.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {
  @Test
  void keepsShortTextAsItIs() {
    assertThat(Snippets.truncate("안녕 👋", 4)).isEqualTo("안녕 👋");
  }

  @Test
  void cutsByCodePointsNeverSplittingASurrogatePair() {
    String cut = Snippets.truncate("👋".repeat(10), 5);
    assertThat(cut).isEqualTo("👋👋👋👋…");
    assertThat(cut.codePointCount(0, cut.length())).isEqualTo(5);
    assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
  }

  @Test
  void cutsKoreanText() {
    assertThat(Snippets.truncate("가나다라마바사", 4)).isEqualTo("가나다…");
  }

  @Test
  void joinsLinesIntoOne() {
    assertThat(Snippets.oneLine("a\r\nb\tc\n")).isEqualTo("a b c");
  }
}

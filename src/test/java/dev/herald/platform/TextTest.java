package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void acceptsKoreanAndEmoji() {
    assertThat(Text.Validator.isValid("안녕하세요 👋🏽 ok", false)).isTrue();
  }

  @Test
  void acceptsLineBreaksOnlyInMultilineText() {
    assertThat(Text.Validator.isValid("a\nb\tc\r\n", true)).isTrue();
    assertThat(Text.Validator.isValid("a\nb", false)).isFalse();
  }

  @Test
  void refusesWhatPostgresCannotStoreOrPeopleCannotRead() {
    assertThat(Text.Validator.isValid("nul\u0000", true)).isFalse();
    assertThat(Text.Validator.isValid("bell\u0007", true)).isFalse();
    assertThat(Text.Validator.isValid("lone \uD83D surrogate", true)).isFalse();
    assertThat(Text.Validator.isValid("reversed \uDC4B\uD83D", true)).isFalse();
  }

  @Test
  void refusesBlankText() {
    assertThat(Text.Validator.isValid("", true)).isFalse();
    assertThat(Text.Validator.isValid(" \n\t ", true)).isFalse();
  }
}

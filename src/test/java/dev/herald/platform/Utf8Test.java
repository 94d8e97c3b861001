package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {
  @Test
  void acceptsTextLongerThanOneChunkWithKoreanAndEmoji() {
    byte[] text = "안녕 👋 ".repeat(2_000).getBytes(StandardCharsets.UTF_8);

    assertThat(Utf8.isValid(text)).isTrue();
    assertThat(Utf8.decode(text)).isPresent();
  }

  @Test
  void refusesOverlongFormsStrayBytesAndTruncatedSequences() {
    assertThat(Utf8.isValid(new byte[] {'a', (byte) 0xC0, (byte) 0xAF})).isFalse();
    assertThat(Utf8.isValid(new byte[] {(byte) 0xFE, (byte) 0xFF})).isFalse();
    assertThat(Utf8.isValid(new byte[] {'a', (byte) 0xE2, (byte) 0x82})).isFalse();
    assertThat(Utf8.decode(new byte[] {(byte) 0xC3, 0x28})).isEmpty();
  }
}

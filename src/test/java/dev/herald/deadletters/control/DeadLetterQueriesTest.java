package dev.herald.deadletters.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeadLetterQueriesTest {
  @Test
  void previewsTextAsItIs() {
    assertThat(DeadLetterQueries.preview("안녕 {json".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("안녕 {json");
  }

  @Test
  void previewsBinaryWithReplacementCharactersAndNoNulBytes() {
    assertThat(DeadLetterQueries.preview(new byte[] {(byte) 0xC3, 0x28, 0, 'a'}))
        .isEqualTo("\uFFFD(\uFFFDa");
  }

  @Test
  void previewsOnlyTheFirstBytes() {
    assertThat(DeadLetterQueries.preview("x".repeat(5000).getBytes(StandardCharsets.UTF_8)))
        .hasSize(DeadLetterQueries.PREVIEW_BYTES);
  }
}

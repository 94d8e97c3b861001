package dev.herald.messages.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.platform.ProblemException;
import org.junit.jupiter.api.Test;

class SearchTextTest {
  @Test
  void acceptsWordsInAnyScript() {
    assertThat(SearchText.parse("회의 planning")).isEqualTo("회의 planning");
  }

  @Test
  void refusesMissingBlankLongAndControlText() {
    for (String q : new String[] {null, "", "   ", "q".repeat(201), "a\nb", "a\u0000b"}) {
      assertThatThrownBy(() -> SearchText.parse(q)).isInstanceOf(ProblemException.class);
    }
  }
}

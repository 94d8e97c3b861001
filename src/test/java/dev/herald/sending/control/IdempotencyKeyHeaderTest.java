package dev.herald.sending.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.platform.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyHeaderTest {
  @Test
  void treatsAMissingHeaderAsNoKey() {
    assertThat(IdempotencyKeyHeader.parse(null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"k", "order-42/retry 1", "~!@#$%^&*()"})
  void acceptsPrintableKeys(String key) {
    assertThat(IdempotencyKeyHeader.parse(key)).contains(key);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "   ", "tab\there", "new\nline", "한국어", "nul\u0000", "c1\u0085", "del\u007F"})
  void refusesEmptyBlankOrNonPrintableKeys(String key) {
    assertThatThrownBy(() -> IdempotencyKeyHeader.parse(key)).isInstanceOf(ProblemException.class);
  }

  @Test
  void refusesKeysLongerThan200Characters() {
    assertThat(IdempotencyKeyHeader.parse("k".repeat(200))).isPresent();
    assertThatThrownBy(() -> IdempotencyKeyHeader.parse("k".repeat(201)))
        .isInstanceOf(ProblemException.class);
  }
}

package dev.herald.sending.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SendMetricsTest {
  @ParameterizedTest
  @CsvSource({"202,202", "503,503", "429,429", "400,4xx", "413,4xx", "415,4xx", "500,5xx"})
  void namesTheOutcomeOfAnAnswer(int status, String outcome) {
    assertThat(SendMetrics.outcome(status)).isEqualTo(outcome);
  }
}

package dev.herald.sending.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.ApiException;
import org.junit.jupiter.api.Test;

class PendingSendTest {
  final PendingSendSerializer serializer = new PendingSendSerializer();

  @Test
  void givesTheProducerTheJsonBytesOfASendNotWithdrawn() {
    PendingSend send = new PendingSend("{\"a\":\"한\"}");

    assertThat(serializer.serialize("t", send))
        .isEqualTo("{\"a\":\"한\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(send.handedOver()).isTrue();
    assertThat(send.withdraw()).as("too late to withdraw").isFalse();
  }

  @Test
  void refusesAWithdrawnSendWithAnExceptionTheProducerReportsThroughItsCallback() {
    PendingSend send = new PendingSend("{}");

    assertThat(send.withdraw()).isTrue();
    assertThatThrownBy(() -> serializer.serialize("t", send)).isInstanceOf(ApiException.class);
    assertThat(send.handedOver()).isFalse();
    assertThat(send.withdraw()).as("withdrawing twice").isTrue();
  }
}

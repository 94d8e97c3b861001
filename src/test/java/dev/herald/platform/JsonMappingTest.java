package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.herald.sending.entity.SendReceipt;
import dev.herald.sending.entity.SendRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonMappingTest {

  @Test
  void writesInstantsAsIsoTextAndOmitsNulls() throws Exception {
    var receipt =
        new SendReceipt(
            UUID.fromString("01a20102-a318-72ec-885d-9fa1eda6d51c"),
            "c1",
            Instant.parse("2026-11-22T02:07:57.123456789Z"));
    assertThat(JsonMapping.strict().writeValueAsString(receipt))
        .isEqualTo(
            "{\"id\":\"01a20102-a318-72ec-885d-9fa1eda6d51c\",\"conversationId\":\"c1\",\"acceptedAt\":\"2026-11-22T02:07:57.123456789Z\"}");
    assertThat(JsonMapping.strict().writeValueAsString(new Page<>(List.of(), null)))
        .isEqualTo("{\"items\":[]}");
  }

  @Test
  void readsARequestThatFollowsTheRules() throws Exception {
    SendRequest request =
        JsonMapping.strict().readValue("{\"to\":[\"bob\"],\"body\":\"hi\"}", SendRequest.class);
    assertThat(request.to()).containsExactly("bob");
    assertThat(request.subject()).isNull();
  }

  @Test
  void refusesWhatItWouldOtherwiseHaveToGuess() {
    for (String body :
        List.of(
            "{\"to\":[\"bob\"],\"body\":5}",
            "{\"to\":[\"bob\"],\"body\":true}",
            "{\"to\":\"bob\",\"body\":\"hi\"}",
            "{\"to\":[\"bob\"],\"body\":\"hi\",\"sender\":\"eve\"}",
            "{\"to\":[\"bob\"],\"body\":\"a\",\"body\":\"b\"}",
            "{\"to\":[\"bob\"],\"body\":\"hi\"} {}",
            "{\"to\":[" + "[".repeat(40) + "]".repeat(40) + "],\"body\":\"hi\"}")) {
      assertThatThrownBy(() -> JsonMapping.strict().readValue(body, SendRequest.class))
          .as(body)
          .isInstanceOf(JsonProcessingException.class);
    }
  }
}

package dev.herald.notifications.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  /** The expected value was computed with openssl, not with this code. */
  @Test
  void signsTimestampDotBodyWithHmacSha256InHex() {
    // echo -n '1700000000.{"to":"+821012345678"}' | openssl dgst -sha256 -hmac secret
    assertThat(WebhookSignature.sign("secret", 1_700_000_000L, "{\"to\":\"+821012345678\"}"))
        .isEqualTo("sha256=dad52182ec92f1708c8016bcadf9d0f5cc5c94cddd437506243eb71945359db5");
  }

  @Test
  void changesWithTheTimestampSoOldSignaturesCannotBeReplayedLater() {
    assertThat(WebhookSignature.sign("secret", 1, "{}"))
        .isNotEqualTo(WebhookSignature.sign("secret", 2, "{}"));
  }
}

package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonIdsTest {
  private static final UUID ONE = UUID.fromString("0a1b2c3d-4e5f-6789-abcd-ef0123456789");
  private static final UUID TWO = UUID.randomUUID();

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void findsTheReceiptsIdAndNotTheConversationId() {
    byte[] receipt =
        bytes("{\"conversationId\":\"" + TWO + "\",\"id\":\"" + ONE + "\",\"acceptedAt\":\"x\"}");

    assertThat(JsonIds.first(receipt, JsonIds.ID)).isEqualTo(ONE);
  }

  @Test
  void findsEveryMessageIdOfAPageInOrder() {
    byte[] page =
        bytes("{\"items\":[{\"messageId\":\"" + ONE + "\"},{\"messageId\":\"" + TWO + "\"}]}");
    List<UUID> found = new ArrayList<>();

    JsonIds.each(page, 0, page.length, JsonIds.MESSAGE_ID, found::add);

    assertThat(found).containsExactly(ONE, TWO);
  }

  @Test
  void skipsWhatIsNotAUuidOrIsCutOff() {
    assertThat(JsonIds.first(bytes("{\"id\":\"not-a-uuid-at-all-but-long-enough-x\"}"), JsonIds.ID))
        .isNull();
    assertThat(JsonIds.first(bytes("{\"id\":\"0a1b2c3d-4e5f"), JsonIds.ID)).isNull();
  }

  @Test
  void parsesUpperCaseHexToo() {
    assertThat(JsonIds.parse(bytes(ONE.toString().toUpperCase()), 0)).isEqualTo(ONE);
  }
}

package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorsTest {

  @Test
  void decodesWhatItEncoded() {
    assertThat(Cursors.decode("inbox", Cursors.encode("inbox", 42L), "cursor")).hasValue(42L);
  }

  @Test
  void noCursorMeansTheFirstPage() {
    assertThat(Cursors.decode("inbox", null, "cursor")).isEmpty();
    assertThat(Cursors.decode("inbox", "", "cursor")).isEmpty();
  }

  @Test
  void refusesACursorOfAnotherKind() {
    String history = Cursors.encode("history", 42L);
    assertThatThrownBy(() -> Cursors.decode("inbox", history, "cursor"))
        .isInstanceOf(ProblemException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "zzz",
        "aW5ib3g6",
        "aW5ib3g6LTE",
        "aW5ib3g6MA",
        "../../etc/passwd",
        "aW5ib3g6eA==",
        "%00"
      })
  void refusesCursorsItDidNotIssue(String cursor) {
    assertThatThrownBy(() -> Cursors.decode("inbox", cursor, "cursor"))
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(400));
  }

  @Test
  void refusesAnOverlongCursor() {
    assertThatThrownBy(() -> Cursors.decode("inbox", "a".repeat(1000), "cursor"))
        .isInstanceOf(ProblemException.class);
  }

  static final java.util.regex.Pattern IDS = java.util.regex.Pattern.compile("[a-z0-9-]{1,100}");

  @Test
  void decodesAKeysetItEncoded() {
    Cursors.Keyset keyset = new Cursors.Keyset(1_795_000_000_123_456L, "dm-0123abc");
    assertThat(Cursors.decode("chats", Cursors.encode("chats", keyset), "cursor", IDS))
        .hasValue(keyset);
    assertThat(Cursors.decode("chats", null, "cursor", IDS)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "chats:5",
        "chats:0:c1",
        "chats:-1:c1",
        "chats:x:c1",
        "chats:5:../x",
        "inbox:5:c1",
        "chats:5:"
      })
  void refusesKeysetsItDidNotIssue(String text) {
    String cursor =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> Cursors.decode("chats", cursor, "cursor", IDS))
        .isInstanceOf(ProblemException.class);
  }
}

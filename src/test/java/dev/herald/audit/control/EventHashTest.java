package dev.herald.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Hash format 2 against vectors computed from its definition by an independent script. */
class EventHashTest {
  static final HexFormat HEX = HexFormat.of();
  static final ChainedEvent STORED =
      new ChainedEvent(
          "partition:3",
          7,
          1_767_225_600_123_456L,
          "message.stored",
          "alice",
          UUID.fromString("0190a0b1-c2d3-7e4f-8a9b-0c1d2e3f4a5b"),
          "dm-alice-bob",
          "{\"acceptedAt\":\"2026-01-01T00:00:00.1Z\",\"offset\":42,\"partition\":3,"
              + "\"recipients\":[\"bob\",\"채영\"]}");
  static final ChainedEvent BARE =
      new ChainedEvent("bucket:5", 1, -1, "record.rejected", "system", null, null, null);

  @Test
  void encodesEveryFieldLengthPrefixedAfterTheVersion() {
    assertThat(HEX.formatHex(EventHash.bytes(STORED)))
        .isEqualTo(
            "02"
                + "0000000b706172746974696f6e3a33"
                + "000000080000000000000007"
                + "000000080006474846222240"
                + "0000000e6d6573736167652e73746f726564"
                + "00000005616c696365"
                + "000000100190a0b1c2d37e4f8a9b0c1d2e3f4a5b"
                + "0000000c646d2d616c6963652d626f62"
                + "0000005f7b2261636365707465644174223a22323032362d30312d30315430303a30303a30302e31"
                + "5a222c226f6666736574223a34322c22706172746974696f6e223a332c22726563697069656e7473"
                + "223a5b22626f62222c22ecb184ec9881225d7d");
  }

  @Test
  void encodesNullsAsLengthMinusOne() {
    assertThat(HEX.formatHex(EventHash.bytes(BARE)))
        .isEqualTo(
            "02"
                + "000000086275636b65743a35"
                + "000000080000000000000001"
                + "00000008ffffffffffffffff"
                + "0000000f7265636f72642e72656a6563746564"
                + "0000000673797374656d"
                + "ffffffff"
                + "ffffffff"
                + "ffffffff");
  }

  @Test
  void hashesThePreviousHashThenTheBytes() {
    byte[] previous = new byte[32];
    Arrays.fill(previous, (byte) 0x11);
    assertThat(HEX.formatHex(EventHash.of(EventHash.sha256(), previous, STORED)))
        .isEqualTo("b7d7c111ed13aad61f6b6bdb004ca9cfa44538eb551caa37b6c45af9eb537556");
    assertThat(HEX.formatHex(EventHash.of(EventHash.sha256(), ChainHeads.GENESIS, BARE)))
        .isEqualTo("692f03b7c3c19288afe9963e65ccec8b8f475cf5c4d30fc2084f2141459b73a2");
  }

  @Test
  void tellsAFieldMovedToItsNeighbourApart() {
    // without length prefixes "ab" + "c" and "a" + "bc" would hash alike
    ChainedEvent one = new ChainedEvent("x:1", 1, 0, "ab", "c", null, null, null);
    ChainedEvent two = new ChainedEvent("x:1", 1, 0, "a", "bc", null, null, null);
    assertThat(EventHash.bytes(one)).isNotEqualTo(EventHash.bytes(two));
  }
}

package dev.herald.signing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.deadletters.control.RecordRejection;
import dev.herald.deadletters.entity.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordVerifierTest {
  static final String SECRET_1 = "first secret, thirty-two bytes or more";
  static final String SECRET_2 = "second secret, thirty-two bytes or more";
  static final byte[] KEY = "dm-0123".getBytes(StandardCharsets.UTF_8);
  static final byte[] VALUE = "{\"v\":1,\"sender\":\"alice\"}".getBytes(StandardCharsets.UTF_8);

  final SigningKeys beforeRotation = SigningKeys.of("k1", SECRET_1, null, null, false);
  final SigningKeys duringRotation = SigningKeys.of("k2", SECRET_2, "k1", SECRET_1, false);
  final SigningKeys afterRotation = SigningKeys.of("k2", SECRET_2, null, null, false);

  static Headers headers(List<Header> list) {
    return new RecordHeaders(list.toArray(Header[]::new));
  }

  static Headers signedBy(SigningKeys keys, byte[] key, byte[] value) {
    return headers(RecordSigner.with(keys).headers(key, value));
  }

  @Test
  void acceptsWhatItsCurrentKeySigned() {
    assertThat(
            RecordVerifier.with(beforeRotation)
                .verify(KEY, VALUE, signedBy(beforeRotation, KEY, VALUE)))
        .isEqualTo("k1");
  }

  @Test
  void acceptsThePreviousKeyDuringARotationAndRefusesItOnceRetired() {
    Headers oldSignature = signedBy(beforeRotation, KEY, VALUE);

    assertThat(RecordVerifier.with(duringRotation).verify(KEY, VALUE, oldSignature))
        .isEqualTo("k1");
    assertRejected(
        () -> RecordVerifier.with(afterRotation).verify(KEY, VALUE, oldSignature),
        RejectReason.BAD_SIGNATURE);
  }

  @Test
  void signsWithTheNewKeyDuringARotation() {
    assertThat(signedBy(duringRotation, KEY, VALUE).lastHeader(SignatureHeaders.KEY_ID).value())
        .isEqualTo("k2".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void refusesARecordWithoutSignatureAsUnsigned() {
    assertRejected(
        () -> RecordVerifier.with(beforeRotation).verify(KEY, VALUE, new RecordHeaders()),
        RejectReason.UNSIGNED);
    assertRejected(
        () -> RecordVerifier.with(beforeRotation).verify(KEY, VALUE, null), RejectReason.UNSIGNED);
  }

  /** Each case turns a correctly signed record into a hostile one. */
  static Stream<Arguments> tampered() {
    byte[] otherValue = "{\"v\":1,\"sender\":\"ceo!\"}".getBytes(StandardCharsets.UTF_8);
    byte[] otherKey = "dm-0124".getBytes(StandardCharsets.UTF_8);
    SigningKeys stranger =
        SigningKeys.of("k1", "a secret Herald never had, 32 bytes", null, null, false);
    return Stream.of(
        Arguments.of("value changed after signing", tamper(r -> r.withValue(otherValue))),
        Arguments.of("key changed after signing", tamper(r -> r.withKey(otherKey))),
        Arguments.of("key dropped after signing", tamper(r -> r.withKey(null))),
        Arguments.of(
            "key moved into the value",
            tamper(r -> r.withKey(new byte[0]).withValue(concat(KEY, VALUE)))),
        Arguments.of(
            "signed with a secret Herald never had",
            tamper(r -> r.withHeaders(signedBy(stranger, KEY, VALUE)))),
        Arguments.of(
            "signature header removed", tamper(r -> r.without(SignatureHeaders.SIGNATURE))),
        Arguments.of("key id header removed", tamper(r -> r.without(SignatureHeaders.KEY_ID))),
        Arguments.of("unknown key id", tamper(r -> r.with(SignatureHeaders.KEY_ID, "k9"))),
        Arguments.of(
            "signature not base64", tamper(r -> r.with(SignatureHeaders.SIGNATURE, "%%%"))),
        Arguments.of(
            "signature truncated", tamper(r -> r.with(SignatureHeaders.SIGNATURE, "AAAA"))),
        Arguments.of("empty signature", tamper(r -> r.with(SignatureHeaders.SIGNATURE, ""))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tampered")
  void refusesATamperedOrForgedRecordAsBadSignature(String what, UnaryOperator<Rec> tamper) {
    Rec record = tamper.apply(new Rec(KEY, VALUE, signedBy(beforeRotation, KEY, VALUE)));

    assertRejected(
        () -> RecordVerifier.with(beforeRotation).verify(record.key, record.value, record.headers),
        RejectReason.BAD_SIGNATURE);
  }

  @Test
  void theSignatureCoversKeyAndValueApart() {
    assertThat(RecordSignature.of(beforeRotation.current(), "ab".getBytes(), "c".getBytes()))
        .isNotEqualTo(
            RecordSignature.of(beforeRotation.current(), "a".getBytes(), "bc".getBytes()));
    assertThat(RecordSignature.of(beforeRotation.current(), null, VALUE))
        .isNotEqualTo(RecordSignature.of(beforeRotation.current(), new byte[0], VALUE));
  }

  static UnaryOperator<Rec> tamper(UnaryOperator<Rec> change) {
    return change;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  static void assertRejected(Runnable verify, RejectReason reason) {
    assertThatThrownBy(verify::run)
        .isInstanceOfSatisfying(
            RecordRejection.class, r -> assertThat(r.reason()).isEqualTo(reason));
  }

  /** A record as the consumer sees it: key, value, headers. */
  record Rec(byte[] key, byte[] value, Headers headers) {
    Rec withKey(byte[] newKey) {
      return new Rec(newKey, value, headers);
    }

    Rec withValue(byte[] newValue) {
      return new Rec(key, newValue, headers);
    }

    Rec withHeaders(Headers newHeaders) {
      return new Rec(key, value, newHeaders);
    }

    Rec without(String header) {
      Headers copy = new RecordHeaders(headers.toArray());
      copy.remove(header);
      return withHeaders(copy);
    }

    Rec with(String header, String text) {
      Headers copy = new RecordHeaders(headers.toArray());
      copy.remove(header);
      copy.add(new RecordHeader(header, text.getBytes(StandardCharsets.UTF_8)));
      return withHeaders(copy);
    }
  }
}

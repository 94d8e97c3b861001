package dev.herald.signing.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The two record headers that carry a signature: {@code herald-key-id} (the key's id, UTF-8) and
 * {@code herald-signature} (the HMAC, base64, so that kcat shows it as text). Other headers (trace
 * context) live beside them untouched.
 */
public final class SignatureHeaders {
  public static final String KEY_ID = "herald-key-id";
  public static final String SIGNATURE = "herald-signature";

  /** What a record claims about its signature; either part may be missing or malformed. */
  public record Claimed(Optional<String> keyId, Optional<byte[]> signature) {
    public boolean absent() {
      return keyId.isEmpty() && signature.isEmpty();
    }
  }

  private SignatureHeaders() {}

  public static List<Header> of(String keyId, byte[] signature) {
    return List.of(
        new RecordHeader(KEY_ID, keyId.getBytes(StandardCharsets.UTF_8)),
        new RecordHeader(SIGNATURE, Base64.getEncoder().encode(signature)));
  }

  /** The last of each header counts: a record with two of them verifies only by the last. */
  public static Claimed read(Headers headers) {
    if (headers == null) {
      return new Claimed(Optional.empty(), Optional.empty());
    }
    return new Claimed(
        value(headers, KEY_ID).map(v -> new String(v, StandardCharsets.UTF_8)),
        value(headers, SIGNATURE).flatMap(SignatureHeaders::base64));
  }

  private static Optional<byte[]> value(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? Optional.empty() : Optional.ofNullable(header.value());
  }

  private static Optional<byte[]> base64(byte[] text) {
    try {
      return Optional.of(Base64.getDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      return Optional.of(new byte[0]); // present but not base64: it verifies with no key
    }
  }
}

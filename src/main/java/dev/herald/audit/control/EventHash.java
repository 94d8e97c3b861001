package dev.herald.audit.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Hash format 2 of an audit event (decision 0007), computed by the writer and recomputed by the
 * verifier from the stored columns: {@code sha256(prev_hash || bytes)}, where bytes are the byte
 * {@code 0x02}, then chain, chain_seq, occurred_at, action, actor, message_id, conversation_id and
 * details, each as a field: a 4-byte big-endian length and that many bytes, or the length -1 for
 * null. Texts are UTF-8, numbers 8 bytes big-endian (occurred_at in microseconds since the epoch),
 * message_id its 16 bytes, details their {@link CanonicalJson} text.
 */
final class EventHash {
  static final short VERSION = 2;
  static final int LENGTH = 32;

  private EventHash() {}

  /** The bytes format 2 hashes after the previous hash. */
  static byte[] bytes(ChainedEvent e) {
    byte[][] texts = {
      utf8(e.chain()),
      utf8(e.action()),
      utf8(e.actor()),
      utf8(e.conversationId()),
      utf8(e.details())
    };
    // the version, eight length prefixes, two numbers, the message id
    int size = 1 + 8 * 4 + 8 + 8 + (e.messageId() == null ? 0 : 16);
    for (byte[] text : texts) {
      size += text == null ? 0 : text.length;
    }
    Fields out = new Fields(size);
    out.bytes[out.at++] = VERSION;
    out.field(texts[0]);
    out.number(e.seq());
    out.number(e.occurredAtMicros());
    out.field(texts[1]);
    out.field(texts[2]);
    out.uuid(e.messageId());
    out.field(texts[3]);
    out.field(texts[4]);
    return out.bytes;
  }

  /** sha256(prevHash || bytes(e)). */
  static byte[] of(MessageDigest sha256, byte[] prevHash, ChainedEvent e) {
    sha256.reset();
    sha256.update(prevHash);
    return sha256.digest(bytes(e));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static byte[] utf8(String value) {
    return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
  }

  /** Length-prefixed fields into an array of the exact size. */
  private static final class Fields {
    final byte[] bytes;
    int at;

    Fields(int size) {
      bytes = new byte[size];
    }

    void field(byte[] value) {
      length(value == null ? -1 : value.length);
      if (value != null) {
        System.arraycopy(value, 0, bytes, at, value.length);
        at += value.length;
      }
    }

    void number(long value) {
      length(8);
      bigEndian(value, 8);
    }

    void uuid(UUID value) {
      if (value == null) {
        length(-1);
        return;
      }
      length(16);
      bigEndian(value.getMostSignificantBits(), 8);
      bigEndian(value.getLeastSignificantBits(), 8);
    }

    private void length(int value) {
      bigEndian(value, 4);
    }

    private void bigEndian(long value, int size) {
      for (int i = size - 1; i >= 0; i--) {
        bytes[at++] = (byte) (value >>> (8 * i));
      }
    }
  }
}

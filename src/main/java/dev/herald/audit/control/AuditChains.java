package dev.herald.audit.control;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Names the hash chain of an audit event. A writer may name one ({@code partition:3}); otherwise
 * the event goes to one of 16 buckets, {@code bucket:<crc32(utf8(key)) mod 16>}, keyed by its
 * conversation, else its actor: stable across restarts, versions and instances, so one
 * conversation's events stay on one chain.
 */
public final class AuditChains {
  static final int BUCKETS = 16;
  // the chain column's own check (V6)
  static final Pattern NAME = Pattern.compile("[a-z]+:[A-Za-z0-9._:-]+");
  static final int MAX_LENGTH = 64;

  private AuditChains() {}

  /** The bucket chain of a conversation id or, for events without one, of an actor. */
  public static String bucket(String key) {
    CRC32 crc = new CRC32();
    crc.update(key.getBytes(StandardCharsets.UTF_8));
    return "bucket:" + (crc.getValue() % BUCKETS);
  }

  /** The event's own chain, or the bucket of its conversation or actor. */
  static String of(AuditLog.Event event) {
    if (event.chain() == null) {
      return bucket(event.conversationId() != null ? event.conversationId() : event.actor());
    }
    if (event.chain().length() > MAX_LENGTH || !NAME.matcher(event.chain()).matches()) {
      throw new IllegalArgumentException("not a chain name: " + event.chain());
    }
    return event.chain();
  }
}

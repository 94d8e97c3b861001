package dev.herald.signing.control;

import dev.herald.signing.entity.SigningKey;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over a record's key and value. Each part is length-prefixed (-1 for an absent one),
 * so that bytes moved from the key into the value, or a null key made empty, change the signature.
 */
public final class RecordSignature {
  static final String ALGORITHM = "HmacSHA256";

  /** Ties the signature to this use: a MAC made for anything else never verifies here. */
  private static final byte[] CONTEXT = "herald.messages/record/v1".getBytes();

  /**
   * A MAC initialised with each key, cloned for every record: finding the provider and preparing
   * the key cost more than the MAC of a message (the benchmark's profile showed it).
   */
  private static final Map<SigningKey, Mac> PREPARED = new ConcurrentHashMap<>();

  private RecordSignature() {}

  public static byte[] of(SigningKey signingKey, byte[] key, byte[] value) {
    try {
      Mac mac = (Mac) PREPARED.computeIfAbsent(signingKey, RecordSignature::prepared).clone();
      mac.update(CONTEXT);
      part(mac, key);
      part(mac, value);
      return mac.doFinal();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
    }
  }

  private static Mac prepared(SigningKey signingKey) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(signingKey.secret(), ALGORITHM));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Compares in constant time: how long it takes says nothing about how much matched. */
  public static boolean matches(SigningKey signingKey, byte[] key, byte[] value, byte[] claimed) {
    return claimed != null && MessageDigest.isEqual(of(signingKey, key, value), claimed);
  }

  private static void part(Mac mac, byte[] bytes) {
    mac.update(
        ByteBuffer.allocate(Integer.BYTES).putInt(bytes == null ? -1 : bytes.length).array());
    if (bytes != null) {
      mac.update(bytes);
    }
  }
}

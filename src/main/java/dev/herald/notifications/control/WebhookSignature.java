package dev.herald.notifications.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a gateway checks: {@code sha256=} and the hex HMAC-SHA256, keyed with the shared
 * secret, over {@code "<timestamp>.<body>"}, where the timestamp is the X-Herald-Timestamp header
 * (Unix seconds). Signing the timestamp lets the gateway refuse replays outside its window.
 */
public final class WebhookSignature {
  public static final String TIMESTAMP_HEADER = "X-Herald-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Herald-Signature";

  private WebhookSignature() {}

  public static String sign(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
